using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CometChat.Client.Json;

/// <summary>The JSON settings of the CometChat REST API: camelCase, nulls left out, unix-second timestamps.</summary>
public static class CometChatJson
{
    /// <summary>A request body as UTF-8 JSON, the way CometChat expects it.</summary>
    public static byte[] Serialize(object body) => JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Options);

    /// <summary>Shared options; immutable once first used.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Metadata and names are user text; keep non-ASCII readable in verbose output and exports.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return options;
    }
}
