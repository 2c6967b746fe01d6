using System.Buffers;

namespace CometChat.Emulator.Http;

/// <summary>Reads a request body up to the contract's size limit.</summary>
public static class RequestBodyReader
{
    /// <summary>Bodies above this many bytes get 413 (#2).</summary>
    public const int Limit = 10_240;

    /// <summary>Reads at most <see cref="Limit"/> + 1 bytes; <c>TooLarge</c> when the body is over the limit.</summary>
    public static async Task<(byte[] Body, bool TooLarge)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > Limit)
        {
            return ([], true);
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Limit + 1);
        try
        {
            var total = 0;
            while (total <= Limit)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(total, Limit + 1 - total), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                total += read;
            }
            return total > Limit ? ([], true) : (buffer.AsSpan(0, total).ToArray(), false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
