mod app;

fn main() {
    app::run();
}
