using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using CometChat.Client.Secrets;

namespace CometChat.Client.Json;

/// <summary>Reads a secret JSON string (an auth token) straight into a read-only SecureString.</summary>
public sealed class SecretConverter : JsonConverter<SecureString>
{
    /// <inheritdoc />
    public override SecureString? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String ? SecretText.Protect(reader.GetString()!)
            : throw new JsonException($"Expected a string, got {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SecureString value, JsonSerializerOptions options)
        => writer.WriteStringValue(SecretText.Reveal(value));
}
