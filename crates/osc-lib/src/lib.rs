//! OpenStack plumbing on top of cliff (osc-lib's role): configuration, authentication, sessions and plugins.
