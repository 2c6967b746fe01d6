using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;

namespace CometChat.Client.Tests;

/// <summary>An HTTP handler that records requests and answers from a script of responders.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Used when the script is empty.</summary>
    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>? Fallback { get; set; }

    public FakeHandler Then(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public FakeHandler ThenJson(int status, string json, params (string Name, string Value)[] headers)
        => Then((_, _) => Task.FromResult(Json(status, json, headers)));

    public FakeHandler ThenFixture(string name) => ThenJson(200, Fixture(name));

    public FakeHandler ThenThrow(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers; only the caller's cancellation (an attempt timeout) ends it.</summary>
    public FakeHandler ThenHang() => Then(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });

    public static HttpResponseMessage Json(int status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));

    public static string Error(string code, string message, string? details = null)
    {
        var detailsPart = details is null ? string.Empty : "\"details\":" + details + ",";
        return "{\"error\":{\"message\":\"" + message + "\",\"devMessage\":\"" + message + "\",\"source\":\"chat-api\"," + detailsPart + "\"code\":\"" + code + "\"}}";
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body,
            request.Content?.Headers.ContentType?.MediaType);
        Requests.Enqueue(recorded);
        if (_script.TryDequeue(out var responder) || (responder = Fallback!) is not null)
        {
            return await responder(recorded, cancellationToken);
        }
        throw new InvalidOperationException($"No scripted response for {recorded.Method} {recorded.Uri}.");
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType)
{
    public string PathAndQuery => Uri.PathAndQuery;
}
