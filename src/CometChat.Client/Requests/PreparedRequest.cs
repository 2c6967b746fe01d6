using System.Text.Json;
using CometChat.Client.Errors;
using CometChat.Client.Http;

namespace CometChat.Client.Requests;

/// <summary>
/// A write request described once, before anything is sent: method, path, the body's bytes and the rules it breaks.
/// The same object is shown by -WhatIf and sent by the client, so what is previewed is what goes out.
/// </summary>
public abstract class PreparedRequest
{
    private protected PreparedRequest(HttpMethod method, string path, string displayPath, byte[]? body, RateBucket bucket, IReadOnlyList<FieldProblem> problems)
    {
        HttpMethod = method;
        Path = path;
        DisplayPath = displayPath;
        Body = body;
        Bucket = bucket;
        Problems = problems;
    }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method => HttpMethod.Method;

    /// <summary>The path below the API root, e.g. <c>/users/ada</c>.</summary>
    public string Path { get; }

    /// <summary>The path as it may be shown: secrets in it (an auth token) masked.</summary>
    public string DisplayPath { get; }

    /// <summary>The body as sent (UTF-8 JSON), or null.</summary>
    public byte[]? Body { get; }

    /// <summary>The rules the request breaks; it is sent only when there are none.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; }

    /// <summary>The rate-limit tier it counts against.</summary>
    public RateBucket Bucket { get; }

    internal HttpMethod HttpMethod { get; }

    /// <summary>Throws <see cref="CometChatValidationException"/> when the request breaks a rule.</summary>
    public void ThrowIfInvalid()
    {
        if (Problems.Count > 0)
        {
            throw new CometChatValidationException(Problems);
        }
    }

    /// <summary>A fresh request for the transport (which counts its attempts).</summary>
    internal ApiRequest ToApiRequest() => new(HttpMethod, Path, Body, Bucket);
}

/// <summary>A prepared request whose answer reads as a <typeparamref name="T"/>.</summary>
public sealed class PreparedRequest<T> : PreparedRequest
{
    internal PreparedRequest(HttpMethod method, string path, string displayPath, byte[]? body, RateBucket bucket,
        IReadOnlyList<FieldProblem> problems, Func<JsonElement, T> read)
        : base(method, path, displayPath, body, bucket, problems)
    {
        Read = read;
    }

    /// <summary>Reads the answer's JSON object.</summary>
    internal Func<JsonElement, T> Read { get; }

    /// <summary>The same request with <paramref name="problems"/> instead of its own.</summary>
    internal PreparedRequest<T> WithProblems(IReadOnlyList<FieldProblem> problems)
        => new(HttpMethod, Path, DisplayPath, Body, Bucket, problems, Read);
}
