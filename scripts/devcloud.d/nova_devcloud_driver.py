"""Nova's fake virt driver, plus snapshots that reach Glance (used by scripts/devcloud).

`FakeDriverWithoutFakeNodes` is the fake driver that survives a restart (a stable node name
and node identity; the others fail with "No local node identity found").  Its snapshot only
moves the task state, so the image of `openstack server image create` stays `queued`
forever and `--wait` never returns.  Here a snapshot uploads a few bytes of raw data, as a
real driver uploads the disk, and the image becomes `active`.

nova-server.py makes this module importable as `nova.virt.devcloud_fake` (Nova loads
`nova.virt.<compute_driver>`), so nova.conf says
`compute_driver = devcloud_fake.DevcloudFakeDriver`.
"""

import io

from nova.compute import task_states
from nova import exception
from nova.image import glance
from nova.virt import fake


class DevcloudFakeDriver(fake.FakeDriverWithoutFakeNodes):
    """FakeDriverWithoutFakeNodes whose snapshots upload image data."""

    def snapshot(self, context, instance, image_id, update_task_state):
        if instance.uuid not in self.instances:
            raise exception.InstanceNotRunning(instance_id=instance.uuid)
        # the task states a real driver goes through (the API waits on them)
        update_task_state(task_state=task_states.IMAGE_PENDING_UPLOAD)
        update_task_state(task_state=task_states.IMAGE_UPLOADING,
                          expected_state=task_states.IMAGE_PENDING_UPLOAD)
        data = ("devcloud fake snapshot of server %s\n" % instance.uuid).encode()
        glance.API().update(context, image_id,
                            {"disk_format": "raw", "container_format": "bare"},
                            io.BytesIO(data), purge_props=False)
