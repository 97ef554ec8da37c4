"""ML2 mechanism driver `devcloud_bind_all`: binds every port, as if an agent were there.

The devcloud runs Neutron without agents (no Open vSwitch, no L2 agent reporting state), so
ML2's real drivers never bind a port and Nova's servers on Neutron networks would fail with
"binding_failed".  This driver binds each port to the first segment offered, with VIF type
`ovs` and status ACTIVE, which is all Nova's fake virt driver needs.  Nothing is plugged.

For the same reason it also stands in for the agents' drivers of two service plugins, which
refuse to work without one: a QoS driver that accepts every rule type (the QoS plugin rejects
rules no loaded driver supports), and an agentless trunk driver (the trunk plugin does not
load without a compatible driver).  Both only store; nothing is enforced.

And it makes agents exist: when the API worker has started, it sends the state reports a
DHCP, Open vSwitch and metadata agent on host `[DEFAULT] host` would send, through the
same server call the agents' RPC reaches (create_or_update_agent), once; `agent_down_time`
keeps them alive.  So `network agent ...` commands and the DHCP scheduler have real agents to
work with (their notifications are casts that go nowhere); no agent process does anything.
"""

from neutron_lib.agent import topics
from neutron_lib.api.definitions import portbindings
from neutron_lib.callbacks import events
from neutron_lib.callbacks import registry
from neutron_lib.callbacks import resources
from neutron_lib import constants
from neutron_lib import context as n_context
from neutron_lib.db import constants as db_constants
from neutron_lib.plugins import directory
from neutron_lib.plugins.ml2 import api
from neutron_lib.services.qos import base as qos_base
from neutron_lib.services.qos import constants as qos_constants
from neutron_lib.services.trunk import constants as trunk_constants
from neutron.services.trunk.drivers import base as trunk_base
from oslo_config import cfg
from oslo_utils import timeutils

NAME = "devcloud_bind_all"

_ANY_INT = {"type:range": [0, db_constants.DB_INTEGER_MAX_VALUE]}
_DIRECTIONS = {"type:values": constants.VALID_DIRECTIONS}

# every QoS rule type, with the parameters' API ranges
QOS_RULES = {
    qos_constants.RULE_TYPE_BANDWIDTH_LIMIT: {
        qos_constants.MAX_KBPS: _ANY_INT,
        qos_constants.MAX_BURST: _ANY_INT,
        qos_constants.DIRECTION: _DIRECTIONS,
    },
    qos_constants.RULE_TYPE_PACKET_RATE_LIMIT: {
        qos_constants.MAX_KPPS: _ANY_INT,
        qos_constants.MAX_BURST_KPPS: _ANY_INT,
        qos_constants.DIRECTION: _DIRECTIONS,
    },
    qos_constants.RULE_TYPE_DSCP_MARKING: {
        qos_constants.DSCP_MARK: {"type:values": constants.VALID_DSCP_MARKS},
    },
    qos_constants.RULE_TYPE_MINIMUM_BANDWIDTH: {
        qos_constants.MIN_KBPS: _ANY_INT,
        qos_constants.DIRECTION: _DIRECTIONS,
    },
    qos_constants.RULE_TYPE_MINIMUM_PACKET_RATE: {
        qos_constants.MIN_KPPS: _ANY_INT,
        qos_constants.DIRECTION: {"type:values": constants.VALID_DIRECTIONS_AND_ANY},
    },
}


# (agent_type, binary, topic, configurations, has an availability zone) of each agent reported.
# No L3 agent: adding a router to one is an RPC call (not a cast), which nothing answers on the
# fake transport, so the request would hang until gunicorn kills the worker.
AGENTS = (
    (constants.AGENT_TYPE_DHCP, constants.AGENT_PROCESS_DHCP, topics.DHCP_AGENT,
     {"dhcp_driver": "neutron.agent.linux.dhcp.Dnsmasq", "networks": 0}, True),
    (constants.AGENT_TYPE_OVS, constants.AGENT_PROCESS_OVS, "N/A",
     {"bridge_mappings": {"physnet1": "br-ex"}, "tunnel_types": ["vxlan"]}, False),
    (constants.AGENT_TYPE_METADATA, constants.AGENT_PROCESS_METADATA, "N/A", {}, False),
)


def report_agents(resource, event, trigger, payload=None):
    """Report each agent of AGENTS as alive on this host (the API worker has started)."""
    ctx = n_context.get_admin_context()
    plugin = directory.get_plugin()
    for agent_type, binary, topic, configurations, zoned in AGENTS:
        state = {
            "agent_type": agent_type,
            "binary": binary,
            "topic": topic,
            "host": cfg.CONF.host,
            "configurations": configurations,
            "start_flag": True,
        }
        if zoned:
            state["availability_zone"] = "nova"
        plugin.create_or_update_agent(ctx, state, timeutils.utcnow())


def _loaded():
    try:
        return NAME in cfg.CONF.ml2.mechanism_drivers
    except cfg.NoSuchOptError:
        return False


class QosDriver(qos_base.DriverBase):
    """Accepts every QoS rule on ports of VIF type ovs (registered at the QoS plugin's init)."""

    @property
    def is_loaded(self):
        return _loaded()


class TrunkDriver(trunk_base.DriverBase):
    """Agentless trunk driver for ovs ports (registered at the trunk plugin's init)."""

    @property
    def is_loaded(self):
        return _loaded()


class BindAllDriver(api.MechanismDriver):
    """Binds every port on the first segment of any network type."""

    def initialize(self):
        # The service plugins load after ML2's mechanism drivers, and the drivers register
        # themselves when those plugins publish AFTER_INIT; the registry holds them.
        self.qos_driver = QosDriver(
            name=NAME,
            vif_types=[portbindings.VIF_TYPE_OVS],
            vnic_types=[portbindings.VNIC_NORMAL, portbindings.VNIC_DIRECT],
            supported_rules=QOS_RULES,
        )
        self.trunk_driver = TrunkDriver(
            NAME,
            [portbindings.VIF_TYPE_OVS],
            [trunk_constants.SEGMENTATION_TYPE_VLAN],
            agent_type=None,
            can_trunk_bound_port=True,
        )
        registry.subscribe(report_agents, resources.PROCESS, events.AFTER_INIT)

    @property
    def connectivity(self):
        # Layer 2: Neutron may then bind ports on any segment (no l3 restrictions).
        return portbindings.CONNECTIVITY_L2

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(
                segment[api.ID],
                portbindings.VIF_TYPE_OVS,
                {portbindings.CAP_PORT_FILTER: True, portbindings.OVS_HYBRID_PLUG: False},
                status=constants.PORT_STATUS_ACTIVE,
            )
            return
