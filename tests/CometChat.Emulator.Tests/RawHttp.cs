using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CometChat.Emulator.Tests;

/// <summary>Sends requests byte for byte over a socket, for paths and bodies HttpClient would clean up.</summary>
public static class RawHttp
{
    public sealed record Response(int Status, string Body)
    {
        public string? Code
        {
            get
            {
                try
                {
                    using var doc = JsonDocument.Parse(Body);
                    return doc.RootElement.TryGetProperty("error", out var e) ? e.GetProperty("code").GetString() : null;
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }
    }

    /// <summary>Sends bytes exactly as given (request line, headers and body) and reads the answer.</summary>
    public static async Task<Response> SendRawAsync(string baseAddress, string request)
    {
        var uri = new Uri(baseAddress);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.Replace("{host}", $"{uri.Host}:{uri.Port}")));
        return await ReadAsync(stream);
    }

    public static async Task<Response> SendAsync(string baseAddress, string method, string target, byte[]? body = null,
        string? contentType = "application/json", string? apiKey = TestEmulator.ApiKey, params string[] headers)
    {
        var uri = new Uri(baseAddress);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        await using var stream = client.GetStream();
        var head = new StringBuilder();
        head.Append($"{method} {target} HTTP/1.1\r\nHost: {uri.Host}:{uri.Port}\r\nConnection: close\r\n");
        if (apiKey is not null) head.Append($"apikey: {apiKey}\r\n");
        if (contentType is not null && body is not null) head.Append($"Content-Type: {contentType}\r\n");
        head.Append($"Content-Length: {body?.Length ?? 0}\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        head.Append("\r\n");
        var bytes = Encoding.Latin1.GetBytes(head.ToString());
        await stream.WriteAsync(bytes);
        if (body is not null)
        {
            try
            {
                await stream.WriteAsync(body);
            }
            catch (IOException)
            {
                // The server may answer (413) and close before reading a large body.
            }
        }
        return await ReadAsync(stream);
    }

    private static async Task<Response> ReadAsync(NetworkStream stream)
    {
        using var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer).WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (IOException)
        {
            // Connection reset after the response was sent.
        }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var statusLine = text.Split("\r\n", 2)[0];
        var status = int.Parse(statusLine.Split(' ')[1]);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new Response(status, split < 0 ? "" : text[(split + 4)..]);
    }
}
