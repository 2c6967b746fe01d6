using System.Buffers;
using System.Text.Encodings.Web;
using Microsoft.IO;

namespace CometChat.Emulator.Http;

/// <summary>A response decided by a handler; written by the pipeline, which may still replace it (injected faults).</summary>
public sealed class ApiResult
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep names readable (no \uXXXX for non-ASCII); the output is still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private static readonly RecyclableMemoryStreamManager Streams = new();

    private readonly Action<Utf8JsonWriter>? _json;
    private readonly string? _text;
    private readonly string _contentType;

    private ApiResult(int status, Action<Utf8JsonWriter>? json, string? text, string contentType)
    {
        Status = status;
        _json = json;
        _text = text;
        _contentType = contentType;
    }

    /// <summary>HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Extra response headers.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A 200 <c>{"data": …, "meta": …}</c> response.</summary>
    public static ApiResult Data(Action<Utf8JsonWriter> writeData, Action<Utf8JsonWriter>? writeMeta = null) =>
        new(200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("data");
            writeData(w);
            if (writeMeta is not null)
            {
                w.WritePropertyName("meta");
                writeMeta(w);
            }
            w.WriteEndObject();
        }, null, "application/json; charset=utf-8");

    /// <summary>A 200 <c>{"data": {"success": true, "message": …}}</c> response.</summary>
    public static ApiResult Success(string message) => Data(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("success", true);
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    /// <summary>Any JSON response.</summary>
    public static ApiResult Json(int status, Action<Utf8JsonWriter> write) =>
        new(status, write, null, "application/json; charset=utf-8");

    /// <summary>A non-JSON response, as a gateway in front of the service would send.</summary>
    public static ApiResult Text(int status, string text, string contentType) => new(status, null, text, contentType);

    /// <summary>Serializes the body into bytes (for tests and diagnostics).</summary>
    public byte[] Render()
    {
        if (_text is not null)
        {
            return System.Text.Encoding.UTF8.GetBytes(_text);
        }
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            _json!(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes status, headers and body.</summary>
    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }
        response.ContentType = _contentType;
        if (_text is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(_text);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, cancellationToken);
            return;
        }
        // Serialize into pooled blocks: a page of 1000 users is ~250 KB, and a byte[] of that size per response
        // would land on the large object heap and cause gen-2 collections. Buffering keeps Content-Length.
        using var stream = Streams.GetStream("ApiResult");
        using (var writer = new Utf8JsonWriter((IBufferWriter<byte>)stream, WriterOptions))
        {
            _json!(writer);
        }
        response.ContentLength = stream.Length;
        foreach (var segment in stream.GetReadOnlySequence())
        {
            await response.Body.WriteAsync(segment, cancellationToken);
        }
    }
}
