//! The HTTP client every provider shares: connect and total timeouts, retries with
//! exponential backoff on 429 and 5xx honouring `Retry-After`, a bounded number of
//! attempts, fast failure when nothing listens, and error messages scrubbed of secrets
//! (reqwest errors carry the URL, and Google puts the key in the URL).

use crate::error::{Error, Result};
use reqwest::StatusCode;
use reqwest::blocking::{Client, RequestBuilder};
use std::time::Duration;

/// How patient the client is.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts in total (the first one included); at least 1.
    pub max_attempts: u32,
    /// Delay before the second attempt; doubled after each failure.
    pub base_delay: Duration,
    /// Longest delay between two attempts.
    pub max_delay: Duration,
    /// Longest `Retry-After` the client is willing to wait; beyond it, it gives up.
    pub max_retry_after: Duration,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request, response body included.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(180),
        }
    }
}

impl RetryPolicy {
    /// The delay after failed attempt number `attempt` (1-based), without `Retry-After`.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(16));
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }
}

/// A blocking HTTP client for one service.
#[derive(Debug, Clone)]
pub struct HttpClient {
    client: Client,
    policy: RetryPolicy,
    service: String,
    secrets: Vec<String>,
}

/// What one attempt ended with.
enum Attempt {
    Done(String),
    Retry { message: String, after: Option<Duration> },
    Fail(String),
}

impl HttpClient {
    /// A client for `service` (a name shown in errors, e.g. `deepl (https://api.deepl.com)`);
    /// every string in `secrets` is removed from error messages.
    ///
    /// # Errors
    /// [`Error::Network`] when the TLS backend cannot be set up.
    pub fn new(service: impl Into<String>, policy: RetryPolicy, secrets: Vec<String>) -> Result<Self> {
        let service = service.into();
        let client = Client::builder()
            .connect_timeout(policy.connect_timeout)
            .timeout(policy.timeout)
            .user_agent(concat!("sverka/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Network { service: service.clone(), message: e.without_url().to_string() })?;
        let secrets = secrets.into_iter().filter(|s| !s.is_empty()).collect();
        Ok(HttpClient { client, policy, service, secrets })
    }

    /// The service name used in errors.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// Sends the request `build` makes (called once per attempt) and returns the body of
    /// the first successful response.
    ///
    /// # Errors
    /// [`Error::Network`] when nothing listens, on a non-retryable status, or when the
    /// attempts run out; the message never holds a secret.
    pub fn send(&self, build: impl Fn(&Client) -> RequestBuilder) -> Result<String> {
        let mut attempt = 1;
        loop {
            match self.attempt(build(&self.client)) {
                Attempt::Done(body) => return Ok(body),
                Attempt::Fail(message) => return Err(self.error(message)),
                Attempt::Retry { message, after } => {
                    if attempt >= self.policy.max_attempts.max(1) {
                        let tries = if attempt == 1 {
                            "1 attempt".to_string()
                        } else {
                            format!("{attempt} attempts")
                        };
                        return Err(self.error(format!("{message} (gave up after {tries})")));
                    }
                    let delay = match after {
                        Some(after) if after > self.policy.max_retry_after => {
                            return Err(self.error(format!(
                                "{message}; the service asks to retry after {} s, longer than sverka waits",
                                after.as_secs()
                            )));
                        }
                        Some(after) => after,
                        None => self.policy.backoff(attempt),
                    };
                    std::thread::sleep(delay);
                    attempt += 1;
                }
            }
        }
    }

    /// POSTs `body` as JSON (with `headers`) to `url` and parses the JSON response.
    ///
    /// # Errors
    /// As [`HttpClient::send`], and when the response is not JSON.
    pub fn post_json(
        &self,
        url: &str,
        headers: &[(&str, String)],
        body: &serde_json::Value,
    ) -> Result<serde_json::Value> {
        let text = self.send(|client| {
            let mut request = client.post(url).json(body);
            for (name, value) in headers {
                request = request.header(*name, value);
            }
            request
        })?;
        self.parse_json(&text)
    }

    /// Parses a response body as JSON.
    ///
    /// # Errors
    /// [`Error::Network`] quoting the start of the body.
    pub fn parse_json(&self, text: &str) -> Result<serde_json::Value> {
        serde_json::from_str(text)
            .map_err(|e| self.error(format!("the response is not JSON ({e}): {}", excerpt(text))))
    }

    /// A [`Error::Network`] for this service with `message` scrubbed of secrets.
    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::Network { service: self.service.clone(), message: self.scrub(&message.into()) }
    }

    /// Removes every secret from `text`.
    pub fn scrub(&self, text: &str) -> String {
        scrub(text, &self.secrets)
    }

    fn attempt(&self, request: RequestBuilder) -> Attempt {
        let response = match request.send() {
            Ok(response) => response,
            Err(err) => return classify_transport(err),
        };
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let body = match response.text() {
            Ok(body) => body,
            Err(err) => return classify_transport(err),
        };
        if status.is_success() {
            return Attempt::Done(body);
        }
        let message = format!("HTTP {}: {}", status.as_u16(), excerpt(&body));
        if is_retryable(status) {
            Attempt::Retry { message, after: retry_after }
        } else if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
            Attempt::Fail(format!("{message}; check the API key (SVERKA_MT_KEY or the provider's variable)"))
        } else {
            Attempt::Fail(message)
        }
    }
}

fn classify_transport(err: reqwest::Error) -> Attempt {
    let connect = err.is_connect();
    let timeout = err.is_timeout();
    let message = describe(err.without_url());
    if connect && !timeout {
        Attempt::Fail(format!("cannot connect ({message}); is the service running at that address?"))
    } else if timeout {
        Attempt::Retry { message: format!("timed out ({message})"), after: None }
    } else {
        Attempt::Retry { message, after: None }
    }
}

/// An error with its chain of causes, e.g. `error sending request: connection refused`.
fn describe(err: reqwest::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Whether a status is worth another attempt: 408, 425, 429 and 5xx.
pub fn is_retryable(status: StatusCode) -> bool {
    matches!(status.as_u16(), 408 | 425 | 429) || status.is_server_error()
}

/// Parses a `Retry-After` value in seconds (HTTP dates are ignored: backoff applies).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let seconds: f64 = value.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds))
}

/// Replaces every non-empty secret in `text` (and its URL-encoded form) with `***`.
pub fn scrub(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        out = out.replace(secret.as_str(), "***");
        let encoded: String = url_encode(secret);
        if encoded != *secret {
            out = out.replace(&encoded, "***");
        }
    }
    out
}

/// Percent-encodes everything but unreserved characters.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The first 300 characters of a response body, on one line.
pub fn excerpt(body: &str) -> String {
    let line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = line.chars().take(300).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    if short.is_empty() { "(empty body)".to_string() } else { short }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let policy = RetryPolicy {
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        let delays: Vec<u128> = (1..=4).map(|a| policy.backoff(a).as_millis()).collect();
        assert_eq!(delays, vec![100, 200, 350, 350]);
    }

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
    }

    #[test]
    fn retryable_statuses() {
        for (code, retry) in [(429, true), (500, true), (503, true), (400, false), (403, false), (456, false)]
        {
            let status = StatusCode::from_u16(code).expect("status");
            assert_eq!(is_retryable(status), retry, "{code}");
        }
    }

    #[test]
    fn scrub_removes_plain_and_encoded_secrets() {
        let secrets = vec!["k+y/1".to_string()];
        let text = "url ?key=k%2By%2F1 and k+y/1";
        assert_eq!(scrub(text, &secrets), "url ?key=*** and ***");
    }

    #[test]
    fn excerpt_is_short_and_one_line() {
        assert_eq!(excerpt("a\n  b"), "a b");
        assert_eq!(excerpt(""), "(empty body)");
        assert_eq!(excerpt(&"x".repeat(400)).chars().count(), 301);
    }
}
