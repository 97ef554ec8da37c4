//! Commands that belong to no service: `openstack.cli` and `openstack.common`.

pub mod availability_zone;
pub mod configuration;
pub mod extension;
pub mod limits;
pub mod module;
pub mod project_cleanup;
pub mod quota;
pub mod versions;

use std::sync::Arc;

use osc_lib::shell::CommandGroup;

/// The `openstack.cli` group: `command list` and `module list`.
pub fn cli_group() -> CommandGroup {
    CommandGroup {
        name: "openstack.cli".to_owned(),
        commands: vec![
            ("command list".to_owned(), Arc::new(module::ListCommand)),
            ("module list".to_owned(), Arc::new(module::ListModule)),
        ],
    }
}

/// The `openstack.common` group: commands of no single service.
pub fn common_group() -> CommandGroup {
    CommandGroup {
        name: "openstack.common".to_owned(),
        commands: vec![
            (
                "availability zone list".to_owned(),
                Arc::new(availability_zone::ListAvailabilityZone),
            ),
            (
                "configuration show".to_owned(),
                Arc::new(configuration::ShowConfiguration),
            ),
            (
                "extension list".to_owned(),
                Arc::new(extension::ListExtension),
            ),
            (
                "extension show".to_owned(),
                Arc::new(extension::ShowExtension),
            ),
            ("limits show".to_owned(), Arc::new(limits::ShowLimits)),
            (
                "project cleanup".to_owned(),
                Arc::new(project_cleanup::ProjectCleanup),
            ),
            ("quota delete".to_owned(), Arc::new(quota::DeleteQuota)),
            ("quota list".to_owned(), Arc::new(quota::ListQuota)),
            ("quota set".to_owned(), Arc::new(quota::SetQuota)),
            ("quota show".to_owned(), Arc::new(quota::ShowQuota)),
            ("versions show".to_owned(), Arc::new(versions::ShowVersions)),
        ],
    }
}
