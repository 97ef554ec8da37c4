//! openstacksdk's image v2 resource classes (`openstack/image/v2/*.py`) as data. Glance's catalog endpoint has no
//! version, so every base path starts with `/v2` (the URLs in messages are openstacksdk's all the same).

use openstack_sdk::{PatchFormat, Resource};

/// The catalog service type of Glance.
pub const SERVICE_TYPE: &str = "image";

const IMAGE_SERVICE: Resource = Resource {
    service: SERVICE_TYPE,
    ..Resource::DEFAULT
};

/// `openstack.image.v2.image.Image`.
pub const IMAGE: Resource = Resource {
    class: "Image",
    plural: "images",
    base_path: "/v2/images",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("id", "id"),
        ("name", "name"),
        ("visibility", "visibility"),
        ("member_status", "member_status"),
        ("owner", "owner"),
        ("status", "status"),
        ("size_min", "size_min"),
        ("size_max", "size_max"),
        ("protected", "protected"),
        ("is_hidden", "os_hidden"),
        ("sort_key", "sort_key"),
        ("sort_dir", "sort_dir"),
        ("sort", "sort"),
        ("tag", "tag"),
        ("created_at", "created_at"),
        ("updated_at", "updated_at"),
    ],
    patch_format: PatchFormat::JsonPatch,
    ..IMAGE_SERVICE
};

/// `openstack.image.v2.member.Member` (`member_id` is the alternate ID).
pub const MEMBER: Resource = Resource {
    class: "Member",
    plural: "members",
    base_path: "/v2/images/{image_id}/members",
    query: &[("limit", "limit"), ("marker", "marker")],
    commit_method: osc_lib::Method::Put,
    ..IMAGE_SERVICE
};

/// `openstack.image.v2.task.Task`.
pub const TASK: Resource = Resource {
    class: "Task",
    plural: "tasks",
    base_path: "/v2/tasks",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("type", "type"),
        ("status", "status"),
        ("sort_dir", "sort_dir"),
        ("sort_key", "sort_key"),
    ],
    ..IMAGE_SERVICE
};

/// `openstack.image.v2.service_info.Store`.
pub const STORE: Resource = Resource {
    class: "Store",
    plural: "stores",
    base_path: "/v2/info/stores",
    query: &[("limit", "limit"), ("marker", "marker")],
    ..IMAGE_SERVICE
};

/// `openstack.image.v2.metadef_namespace.MetadefNamespace`.
pub const METADEF_NAMESPACE: Resource = Resource {
    class: "MetadefNamespace",
    plural: "namespaces",
    base_path: "/v2/metadefs/namespaces",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("resource_types", "resource_types"),
        ("sort_dir", "sort_dir"),
        ("sort_key", "sort_key"),
        ("visibility", "visibility"),
    ],
    name_key: "namespace",
    commit_method: osc_lib::Method::Put,
    ..IMAGE_SERVICE
};

/// `openstack.image.v2.metadef_object.MetadefObject`.
pub const METADEF_OBJECT: Resource = Resource {
    class: "MetadefObject",
    plural: "objects",
    base_path: "/v2/metadefs/namespaces/{namespace_name}/objects",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("visibility", "visibility"),
        ("resource_types", "resource_types"),
        ("sort_key", "sort_key"),
        ("sort_dir", "sort_dir"),
    ],
    commit_method: osc_lib::Method::Put,
    ..IMAGE_SERVICE
};

/// `openstack.image.v2.metadef_property.MetadefProperty`.
pub const METADEF_PROPERTY: Resource = Resource {
    class: "MetadefProperty",
    plural: "properties",
    base_path: "/v2/metadefs/namespaces/{namespace_name}/properties",
    commit_method: osc_lib::Method::Put,
    ..IMAGE_SERVICE
};

/// `openstack.image.v2.metadef_resource_type.MetadefResourceType`.
pub const METADEF_RESOURCE_TYPE: Resource = Resource {
    class: "MetadefResourceType",
    plural: "resource_types",
    base_path: "/v2/metadefs/resource_types",
    ..IMAGE_SERVICE
};

/// `openstack.image.v2.metadef_resource_type.MetadefResourceTypeAssociation`.
pub const METADEF_RESOURCE_TYPE_ASSOCIATION: Resource = Resource {
    class: "MetadefResourceTypeAssociation",
    plural: "resource_type_associations",
    base_path: "/v2/metadefs/namespaces/{namespace_name}/resource_types",
    ..IMAGE_SERVICE
};

/// `openstack.block_storage.v3.volume.Volume`, only to find the volume of `image create --volume`.
// Cinder's volume, for `image create --volume`, declared here: the volume crate depends on this one.
pub const VOLUME: Resource = Resource {
    service: "block-storage",
    class: "Volume",
    key: "volume",
    plural: "volumes",
    base_path: "/volumes",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("name", "name"),
        ("status", "status"),
        ("project_id", "project_id"),
        ("all_projects", "all_tenants"),
    ],
    ..Resource::DEFAULT
};
