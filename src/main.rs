//! The `sverka` binary: parses arguments, runs the subcommand, maps the outcome to an
//! exit code (0 nothing at or above `--fail-on`, 1 findings, 2 error).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
