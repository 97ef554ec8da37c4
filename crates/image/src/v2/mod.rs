//! Image API v2 commands (`openstack.image.v2`), one module per object as in OSC.

pub mod cache;
pub mod image;
pub mod task;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every image v2 command, by its multi-word name (OSC's `openstack.image.v2` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("cached image clear", Arc::new(cache::ClearCachedImage)),
        ("cached image delete", Arc::new(cache::DeleteCachedImage)),
        ("cached image list", Arc::new(cache::ListCachedImage)),
        ("cached image queue", Arc::new(cache::QueueCachedImage)),
        ("image add project", Arc::new(image::AddProjectToImage)),
        ("image create", Arc::new(image::CreateImage)),
        ("image delete", Arc::new(image::DeleteImage)),
        ("image import", Arc::new(image::ImportImage)),
        ("image import info", Arc::new(image::ImportInfo)),
        ("image list", Arc::new(image::ListImage)),
        ("image member get", Arc::new(image::ShowProjectImage)),
        ("image member list", Arc::new(image::ListImageProjects)),
        ("image remove project", Arc::new(image::RemoveProjectImage)),
        ("image save", Arc::new(image::SaveImage)),
        ("image set", Arc::new(image::SetImage)),
        ("image show", Arc::new(image::ShowImage)),
        ("image stage", Arc::new(image::StageImage)),
        ("image stores list", Arc::new(image::StoresInfo)),
        ("image task list", Arc::new(task::ListTask)),
        ("image task show", Arc::new(task::ShowTask)),
        ("image unset", Arc::new(image::UnsetImage)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
