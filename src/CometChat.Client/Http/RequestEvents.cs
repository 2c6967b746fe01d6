namespace CometChat.Client.Http;

/// <summary>Receives what happens to requests made on the current logical call (verbose lines, counters).
/// Called from any thread; implementations must be thread-safe and quick.</summary>
public interface IRequestObserver
{
    /// <summary>An attempt is about to be sent, with its headers as <see cref="HeaderRedaction"/> shows them.</summary>
    void RequestSending(string method, string path, IReadOnlyList<KeyValuePair<string, string>> redactedHeaders);

    /// <summary>An HTTP exchange of <paramref name="bucket"/> finished (any status), or failed without a response
    /// (<paramref name="statusCode"/> 0).</summary>
    void RequestCompleted(string method, string path, int statusCode, TimeSpan elapsed, int attempt, RateBucket bucket);

    /// <summary>
    /// An attempt of <paramref name="bucket"/> got no answer within the attempt timeout (reported after its
    /// <see cref="RequestCompleted"/> with status 0), whether or not a retry follows: a sign of a congested service.
    /// </summary>
    void AttemptTimedOut(string method, string path, int attempt, RateBucket bucket);

    /// <summary>A failed attempt will be retried after <paramref name="delay"/>.</summary>
    void RetryScheduled(string method, string path, int nextAttempt, TimeSpan delay, string reason);

    /// <summary>
    /// A request is held back: by the pacer, for <paramref name="wait"/> that just ended (<paramref name="upcoming"/>
    /// false), or by a 429, for <paramref name="wait"/> starting now (true).
    /// </summary>
    void Throttled(RateBucket bucket, TimeSpan wait, bool upcoming);

    /// <summary>A create whose first answer was lost turned out to have been applied, and is reported as created.</summary>
    void Recovered(string uid);
}

/// <summary>Reasons the client gives for a retry (<see cref="IRequestObserver.RetryScheduled"/>), where callers act on them.</summary>
public static class RetryReasons
{
    /// <summary>A 429: the wait is the service's, and holds back every request of the tier.</summary>
    public const string RateLimited = "rate limited (429)";

    /// <summary>The attempt timed out.</summary>
    public const string NoAnswerInTime = "no answer in time";
}

/// <summary>
/// The observer of the current logical call. The client is shared by every cmdlet and runspace using a
/// connection, so the sink travels with the call (AsyncLocal) rather than living on the client.
/// </summary>
public static class RequestObserverScope
{
    private static readonly AsyncLocal<IRequestObserver?> CurrentObserver = new();

    /// <summary>The observer of this call, if any.</summary>
    public static IRequestObserver? Current => CurrentObserver.Value;

    /// <summary>Sets the observer for work started from here until the returned scope is disposed.</summary>
    public static IDisposable Begin(IRequestObserver observer)
    {
        var previous = CurrentObserver.Value;
        CurrentObserver.Value = observer;
        return new Restore(previous);
    }

    private sealed class Restore : IDisposable
    {
        private readonly IRequestObserver? _previous;

        public Restore(IRequestObserver? previous) => _previous = previous;

        public void Dispose() => CurrentObserver.Value = _previous;
    }
}
