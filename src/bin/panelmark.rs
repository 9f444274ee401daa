//! The `panelmark` command line.
fn main() {}
