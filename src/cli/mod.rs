//! Command-line front end. Each subcommand lives in its own file.
//!
//! Batch subcommands read JSONL and write one JSON line per input line; a line that cannot
//! be handled gets `{"id", "error"}` and the run goes on.

mod analyze;
mod args;
mod jsonl;
mod reports;
mod snapshot;

pub use args::Args;
pub use jsonl::{for_each_jsonl_line, read_jsonl_file};

const USAGE: &str = "\
unveil — find the article, its quotes and its overlays, like the extension does

USAGE:
  unveil analyze FILE.html [--url URL] [--json]     what the popup would show for a saved page
  unveil quotes --jsonl IN.jsonl                    {id,text,lang?} → {id,quotes:[…]}
  unveil extract --jsonl IN.jsonl                   {id,html,url?} → {id,title,byline,published,lang,site,text}
  unveil summarize --jsonl IN.jsonl [--sentences N] {id,text}|{id,html,url?} → {id,summary:[…]}
  unveil snapshot --jsonl IN.jsonl                  {id,strings,numbers} (page layer's wire format) → {id,snapshot} (JSON)
  unveil reports SNAPDIR [--out DIR] [--repeat N]   each wire snapshot SNAPDIR/*.json → DIR/*.json (its report),
                                                    and each stage's time (profile the core on real pages)
  unveil eval quotes GOLD.jsonl…                    score quote attribution against gold data
  unveil eval extraction AEB_DIR [--peer NAME=PRED.jsonl…] [--per-page] [--min-f1 X]
                                                    score article extraction (AEB metric) beside peers
  unveil eval extraction --readability-suite DIR    titles, bylines and text on Readability's test pages
  unveil eval summaries DEV.jsonl                   ROUGE of our summaries beside Lead-k and TextRank
  unveil eval overlays OVERLAYS_DIR                 real overlay elements recognised, traps never hidden

IN.jsonl may be - for standard input.";

/// Runs the command line; errors are usage or I/O problems, never a bad input line.
pub fn run(raw: &[String]) -> Result<(), String> {
    let mut args = Args::new(raw);
    let Some(command) = args.positional() else {
        println!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "analyze" => analyze::run(&mut args),
        "quotes" => crate::quotes::cli::run(&mut args),
        "extract" => crate::article::cli::run(&mut args),
        "summarize" => crate::summary::cli::run(&mut args),
        "snapshot" => snapshot::run(&mut args),
        "reports" => reports::run(&mut args),
        "eval" => crate::eval::run(&mut args),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command '{other}'\n\n{USAGE}")),
    }
}
