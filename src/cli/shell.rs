//! Shell conventions: `dossier completions SHELL` and `dossier man`, both generated from the
//! same clap definition as the parser, so they never drift from the real flags.

use super::args::{Cli, Shell};
use anyhow::Result;
use clap::CommandFactory;
use std::io::Write;

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<()> {
    let mut cmd = Cli::command();
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    // clap_complete panics when its writer fails (a closed pipe): build the script in
    // memory, then write it with the error returned.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "dossier", &mut script);
    Ok(out.write_all(&script)?)
}

/// Writes the manual page (roff): the top level and every subcommand, with the examples.
pub fn man(out: &mut dyn Write) -> Result<()> {
    let cmd = Cli::command();
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    page.render_subcommands_section(out)?;
    page.render_extra_section(out)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        writeln!(out, ".SH \"DOSSIER {}\"", name.to_uppercase())?;
        if let Some(about) = sub.get_about() {
            writeln!(out, "{}", roff_text(&about.to_string()))?;
        }
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set())
        {
            let flag = match (arg.get_long(), arg.get_value_names()) {
                (Some(l), Some(v)) => format!("\\-\\-{l} {}", v[0]),
                (Some(l), None) if arg.get_action().takes_values() => {
                    format!("\\-\\-{l} {}", arg.get_id().as_str().to_uppercase())
                }
                (Some(l), None) => format!("\\-\\-{l}"),
                (None, _) => format!("<{}>", arg.get_id().as_str().to_uppercase()),
            };
            writeln!(out, ".TP\n\\fB{flag}\\fR")?;
            let help = arg
                .get_help()
                .map(std::string::ToString::to_string)
                .unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_owned())
                .collect();
            let mut text = help;
            if !values.is_empty() && arg.get_action().takes_values() {
                if !text.ends_with('.') {
                    text.push('.');
                }
                text.push_str(&format!(" One of: {}.", values.join(", ")));
            }
            writeln!(out, "{}", roff_text(&text))?;
        }
        if let Some(after) = sub.get_after_help() {
            writeln!(out, ".PP\n.nf\n{}\n.fi", roff_text(&after.to_string()))?;
        }
    }
    page.render_version_section(out)?;
    Ok(())
}

/// Text made safe for roff: backslashes and hyphens escaped, no line starts with a dot
/// or an apostrophe (which roff would read as a request).
fn roff_text(s: &str) -> String {
    s.lines()
        .map(|l| {
            let l = l.replace('\\', "\\\\").replace('-', "\\-");
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_roff_requests() {
        assert_eq!(
            roff_text(".TH x\n'quote\nok-ish"),
            "\\&.TH x\n\\&'quote\nok\\-ish"
        );
    }
}
