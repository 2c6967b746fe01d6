using CometChat.Client.Http;
using Microsoft.Extensions.Time.Testing;

namespace CometChat.Client.Tests;

internal static class TestClients
{
    public const string ApiKey = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>A key as the client holds it.</summary>
    public static System.Security.SecureString Secret(string text) => new System.Net.NetworkCredential(string.Empty, text).SecurePassword;

    public static CometChatClient Create(FakeHandler handler, Action<CometChatClientOptions>? configure = null)
    {
        var options = new CometChatClientOptions
        {
            BaseUri = new Uri("https://app1.api-us.cometchat.io/v3"),
            ApiKey = Secret(ApiKey),
            Handler = handler,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            CoreRequestsPerMinute = 0,
            StandardRequestsPerMinute = 0,
        };
        configure?.Invoke(options);
        return new CometChatClient(options);
    }

    /// <summary>Waits (in real time, up to 30 s) until <paramref name="condition"/> holds: for work on other threads.</summary>
    public static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 30 s.");
            }
            await Task.Delay(5);
        }
    }

    /// <summary>Runs <paramref name="work"/> while moving the fake clock forward, so waits on it complete at once.</summary>
    public static async Task<T> WithClock<T>(FakeTimeProvider clock, Func<Task<T>> work, TimeSpan? step = null)
    {
        var task = Task.Run(work);
        var guard = 0;
        while (!task.IsCompleted)
        {
            clock.Advance(step ?? TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
            if (++guard > 200_000)
            {
                throw new TimeoutException("The work did not finish on the fake clock.");
            }
        }
        return await task;
    }
}

/// <summary>Records what the client reports to its observer.</summary>
internal sealed class RecordingObserver : IRequestObserver
{
    public List<(string Method, string Path, int Status, int Attempt)> Requests { get; } = new();
    public List<(int NextAttempt, TimeSpan Delay, string Reason)> Retries { get; } = new();
    public List<TimeSpan> Throttles { get; } = new();
    public List<string> RecoveredUids { get; } = new();
    public List<(string Method, string Path, int Attempt)> TimedOut { get; } = new();

    public List<IReadOnlyList<KeyValuePair<string, string>>> SentHeaders { get; } = new();

    public void RequestSending(string method, string path, IReadOnlyList<KeyValuePair<string, string>> redactedHeaders)
    {
        lock (this) { SentHeaders.Add(redactedHeaders); }
    }

    public void RequestCompleted(string method, string path, int statusCode, TimeSpan elapsed, int attempt, RateBucket bucket)
    {
        lock (this) { Requests.Add((method, path, statusCode, attempt)); }
    }

    public void AttemptTimedOut(string method, string path, int attempt, RateBucket bucket)
    {
        lock (this) { TimedOut.Add((method, path, attempt)); }
    }

    public void RetryScheduled(string method, string path, int nextAttempt, TimeSpan delay, string reason)
    {
        lock (this) { Retries.Add((nextAttempt, delay, reason)); }
    }

    public void Throttled(RateBucket bucket, TimeSpan wait, bool upcoming)
    {
        lock (this) { Throttles.Add(wait); }
    }

    public void Recovered(string uid)
    {
        lock (this) { RecoveredUids.Add(uid); }
    }
}
