//! llmdoctor-web: the troubleshooting page. A thin Yew front end over `llmdoctor-core`: every
//! diagnosis is decided in the engine; this crate only renders the report.

mod app;
mod clock;
mod components;
mod embed;
mod examples;
mod highlight;
mod hooks;
mod i18n;
mod prefs;
mod share;
mod state;
mod texts;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
