//! Image API v2 commands (`openstack.image.v2`), one module per object as in OSC.

pub mod cache;
pub mod image;
pub mod metadef_namespace;
pub mod metadef_object;
pub mod metadef_property;
pub mod metadef_resource_type;
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
        ("image metadef namespace create", Arc::new(metadef_namespace::CreateMetadefNamespace)),
        ("image metadef namespace delete", Arc::new(metadef_namespace::DeleteMetadefNamespace)),
        ("image metadef namespace list", Arc::new(metadef_namespace::ListMetadefNamespace)),
        ("image metadef namespace set", Arc::new(metadef_namespace::SetMetadefNamespace)),
        ("image metadef namespace show", Arc::new(metadef_namespace::ShowMetadefNamespace)),
        ("image metadef namespace unset", Arc::new(metadef_namespace::UnsetMetadefNamespace)),
        ("image metadef object create", Arc::new(metadef_object::CreateMetadefObjects)),
        ("image metadef object delete", Arc::new(metadef_object::DeleteMetadefObject)),
        ("image metadef object list", Arc::new(metadef_object::ListMetadefObjects)),
        ("image metadef object property show", Arc::new(metadef_object::ShowMetadefObjectProperty)),
        ("image metadef object show", Arc::new(metadef_object::ShowMetadefObjects)),
        ("image metadef object update", Arc::new(metadef_object::SetMetadefObject)),
        ("image metadef property create", Arc::new(metadef_property::CreateMetadefProperty)),
        ("image metadef property delete", Arc::new(metadef_property::DeleteMetadefProperty)),
        ("image metadef property list", Arc::new(metadef_property::ListMetadefProperties)),
        ("image metadef property set", Arc::new(metadef_property::SetMetadefProperty)),
        ("image metadef property show", Arc::new(metadef_property::ShowMetadefProperty)),
        ("image metadef resource type association create", Arc::new(metadef_resource_type::CreateMetadefResourceTypeAssociation)),
        ("image metadef resource type association delete", Arc::new(metadef_resource_type::DeleteMetadefResourceTypeAssociation)),
        ("image metadef resource type association list", Arc::new(metadef_resource_type::ListMetadefResourceTypeAssociations)),
        ("image metadef resource type list", Arc::new(metadef_resource_type::ListMetadefResourceTypes)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_once_in_order() {
        let names: Vec<String> = commands().into_iter().map(|(name, _)| name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
        assert_eq!(names.len(), 42);
    }
}
