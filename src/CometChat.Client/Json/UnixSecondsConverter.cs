using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CometChat.Client.Json;

/// <summary>
/// CometChat timestamps are integer unix seconds. Some documented examples send them as strings,
/// so reading accepts both; writing always produces an integer.
/// </summary>
public sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        long seconds = reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var whole) => whole,
            JsonTokenType.Number => (long)reader.GetDouble(),
            JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new JsonException($"Expected a unix timestamp in seconds, got {reader.TokenType}."),
        };
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
