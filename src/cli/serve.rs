//! `sverka serve [DIR]`: the review web app on a local port until Ctrl-C (or SIGTERM),
//! which lets the requests under way finish. Listening beyond loopback needs the access
//! token printed at start.

use super::Outcome;
use anyhow::Context;
use clap::Args;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use sverka::config::Config;
use sverka::serve::{self, App, ServeOptions};

/// Arguments of `sverka serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Directory of pairs: folders laid out like samples/ (en.txt with ru.txt or be.txt…).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Address to listen on; anything but loopback requires the access token printed at start.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0: any free port, printed at start).
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
    /// House-style profile: belta, ap, reuters, tass, or one a --glossary file names.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Glossary file (TSV or TBX), repeatable, under the directory's own glossary.tsv.
    #[arg(long, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// Largest request body in MiB (uploads are sent in base64).
    #[arg(long, value_name = "MIB", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub max_body: u16,
}

/// Runs `sverka serve`.
pub fn run(args: &ServeArgs, config: &Config) -> anyhow::Result<Outcome> {
    let mut config = config.clone();
    if args.profile.is_some() {
        config.check.profile.clone_from(&args.profile);
    }
    let glossary = super::pipeline::load_glossary(&args.glossary)?;
    glossary.with_profile(config.check.profile.as_deref())?;
    let addr = resolve(&args.host, args.port)?;
    let loopback = addr.ip().is_loopback();
    let token = if loopback { None } else { Some(serve::security::new_token()?) };
    let options = ServeOptions {
        dir: args.dir.clone(),
        config,
        glossary,
        token: token.clone(),
        loopback_only: loopback,
        max_body: usize::from(args.max_body) * 1024 * 1024,
    };
    let app = App::new(options)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(addr).await.with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        let shown = if local.is_ipv6() { format!("[{}]", local.ip()) } else { local.ip().to_string() };
        let url = format!("http://{shown}:{}/", local.port());
        eprintln!("sverka: serving {} at {url} (Ctrl-C stops)", app.dir.display());
        if let Some(token) = &token {
            eprintln!("sverka: open {url}?token={token} (or send the header X-Sverka-Token: {token})");
        }
        serve::run(listener, app, shutdown()).await.context("the server stopped")?;
        eprintln!("sverka: stopped");
        anyhow::Ok(())
    })?;
    Ok(Outcome::Clean)
}

/// The socket address of `host` (a name or an IP address) and `port`.
fn resolve(host: &str, port: u16) -> anyhow::Result<SocketAddr> {
    if let Ok(ip) = host.trim_matches(['[', ']']).parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, port));
    }
    (host, port)
        .to_socket_addrs()
        .with_context(|| format!("--host: cannot resolve '{host}'"))?
        .next()
        .with_context(|| format!("--host: '{host}' has no address"))
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
