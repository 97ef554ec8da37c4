"""A fake Cinder volume driver whose volumes are files (for scripts/devcloud).

Cinder's own FakeLoggingVolumeDriver (cinder.tests.fake_driver) stores nothing and says
every volume is reachable over iSCSI, which needs root.  This subclass keeps its logging
behaviour and adds what a test bed without root needs:

- it reports the configured `volume_backend_name` (the parent always says "fake"), so that
  two backends can be told apart by volume types, retype and `volume migrate`;
- each volume and snapshot is a file under `<state_path>/volumes/<backend>/`, empty until
  something writes to it (a restored backup), and a connection to one is of type `local`
  (os-brick's LocalConnector: the path itself, no root, no iSCSI): cinder-backup can read
  and write volumes with the posix backup driver;
- a migration between two backends of this driver moves the file (driver-assisted
  migration), without host-side copying, which would need root (dd through rootwrap).

Used as `volume_driver = devcloud_cinder_driver.FileDriver`; cinder-server.py runs from this
directory, so the module is importable.
"""

import os
import shutil

from cinder.tests import fake_driver
from oslo_config import cfg

LOCATION_PREFIX = "devcloud-file"


class FileDriver(fake_driver.FakeLoggingVolumeDriver):
    """FakeLoggingVolumeDriver with its backend name, volume files and local connections."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.backend_name = self.configuration.safe_get("volume_backend_name") or "fake"
        self.volume_dir = None  # set by do_setup, once the config is complete

    def do_setup(self, context):
        super().do_setup(context)
        self.volume_dir = os.path.join(
            cfg.CONF.state_path, "volumes", self.configuration.config_group
        )
        os.makedirs(self.volume_dir, exist_ok=True)

    def _path(self, name):
        return os.path.join(self.volume_dir, name)

    def local_path(self, volume, vg=None):
        """The volume's file (LVM's copy to and from images write to this path)."""
        return self._path(volume["name"])

    def _update_volume_stats(self):
        super()._update_volume_stats()
        # lets migrate_volume recognise a destination of the same kind (the scheduler passes
        # a pool's capabilities, as LVM's driver does it)
        location = "%s:%s" % (LOCATION_PREFIX, self.volume_dir)
        self._stats["location_info"] = location
        for pool in self._stats["pools"]:
            pool["location_info"] = location

    def create_volume(self, volume):
        update = super().create_volume(volume)
        open(self._path(volume.name), "ab").close()
        return update

    def create_cloned_volume(self, volume, src_vref):
        super().create_cloned_volume(volume, src_vref)
        shutil.copyfile(self._path(src_vref.name), self._path(volume.name))

    def create_volume_from_snapshot(self, volume, snapshot):
        super().create_volume_from_snapshot(volume, snapshot)
        shutil.copyfile(self._path(snapshot.name), self._path(volume.name))

    def delete_volume(self, volume):
        super().delete_volume(volume)
        _remove(self._path(volume.name))

    def create_snapshot(self, snapshot):
        super().create_snapshot(snapshot)
        shutil.copyfile(self._path(snapshot.volume_name), self._path(snapshot.name))

    def delete_snapshot(self, snapshot):
        super().delete_snapshot(snapshot)
        _remove(self._path(snapshot.name))

    def validate_connector(self, connector):
        """Any connector will do for a local file (the parent's iSCSI target wants an initiator)."""

    def initialize_connection(self, volume, connector):
        info = super().initialize_connection(volume, connector)
        info["driver_volume_type"] = "local"
        info["data"]["device_path"] = self._path(volume["name"])
        return info

    def initialize_connection_snapshot(self, snapshot, connector):
        return {
            "driver_volume_type": "local",
            "data": {"device_path": self._path(snapshot.name), "access_mode": "ro"},
        }

    def migrate_volume(self, ctxt, volume, host, thin=False, mirror_count=0):
        location = host["capabilities"].get("location_info", "")
        kind, _, dest_dir = location.partition(":")
        if kind != LOCATION_PREFIX or volume["status"] not in ("available", "retyping"):
            return False, None  # Cinder's generic migration (which needs root) takes over
        os.replace(self._path(volume["name"]), os.path.join(dest_dir, volume["name"]))
        return True, None

    def update_migrated_volume(self, ctxt, volume, new_volume, original_volume_status):
        """After a host-side (generic) migration: give the new file the original's name."""
        os.replace(
            self._path(cfg.CONF.volume_name_template % new_volume["id"]),
            self._path(cfg.CONF.volume_name_template % volume["id"]),
        )
        return {"_name_id": None, "provider_location": None}


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
