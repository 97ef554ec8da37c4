"""ML2 mechanism driver `devcloud_bind_all`: binds every port, as if an agent were there.

The devcloud runs Neutron without agents (no Open vSwitch, no L2 agent reporting state), so
ML2's real drivers never bind a port and Nova's servers on Neutron networks would fail with
"binding_failed".  This driver binds each port to the first segment offered, with VIF type
`ovs` and status ACTIVE, which is all Nova's fake virt driver needs.  Nothing is plugged.
"""

from neutron_lib.api.definitions import portbindings
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api


class BindAllDriver(api.MechanismDriver):
    """Binds every port on the first segment of any network type."""

    def initialize(self):
        pass

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
