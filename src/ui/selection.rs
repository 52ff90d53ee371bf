//! The words a person selected in the rows, caught when the selection settles, so that they can
//! be highlighted for the room.

use std::sync::{Arc, Mutex};

use egui::{FullOutput, OutputCommand};

/// An egui plugin that keeps the text of the last label selection that settled (egui reports it
/// once the mouse is released, to the platform's primary selection).
#[derive(Clone, Default)]
pub struct SelectionWatch {
    settled: Arc<Mutex<Option<String>>>,
}

impl SelectionWatch {
    /// Watches `ctx`; the returned handle reads what settles.
    pub fn install(ctx: &egui::Context) -> SelectionWatch {
        let watch = SelectionWatch::default();
        ctx.add_plugin(watch.clone());
        watch
    }

    /// The text of a selection that settled since the last call.
    pub fn take(&self) -> Option<String> {
        self.settled.lock().ok()?.take()
    }
}

impl egui::Plugin for SelectionWatch {
    fn debug_name(&self) -> &'static str {
        "SelectionWatch"
    }

    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut FullOutput) {
        let settled = output.platform_output.commands.iter().rev().find_map(|c| match c {
            OutputCommand::TextSelectionSettled(text) => Some(text.clone()),
            _ => None,
        });
        if let Some(text) = settled
            && let Ok(mut slot) = self.settled.lock()
        {
            *slot = Some(text);
        }
    }
}
