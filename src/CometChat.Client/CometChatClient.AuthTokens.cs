using CometChat.Client.Http;
using CometChat.Client.Models;
using CometChat.Client.Requests;

namespace CometChat.Client;

public sealed partial class CometChatClient
{
    /// <summary>Issues a login token (<c>POST /users/{uid}/auth_tokens</c>); without <paramref name="force"/> the newest existing one may be returned.</summary>
    public Task<CometChatAuthToken> CreateAuthTokenAsync(string uid, bool force, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.CreateAuthToken(uid, force), cancellationToken);

    /// <summary>Lists a user's tokens, one page.</summary>
    public async Task<CometChatPage<CometChatAuthToken>> ListAuthTokensAsync(string uid, int page = 1, int perPage = 100, CancellationToken cancellationToken = default)
    {
        CheckPaging(page, perPage);
        var query = Query(new Dictionary<string, string?> { ["perPage"] = Number(perPage), ["page"] = Number(page) });
        var result = ReadPage<CometChatAuthToken>(await SendAsync(HttpMethod.Get, TokensPath(uid) + query, null, RateBucket.Standard, cancellationToken).ConfigureAwait(false));
        foreach (var token in result.Items)
        {
            if (string.IsNullOrEmpty(token.Uid))
            {
                token.Uid = uid.ToLowerInvariant();
            }
        }
        return result;
    }

    /// <summary>Gets one token.</summary>
    public async Task<CometChatAuthToken> GetAuthTokenAsync(string uid, string token, CancellationToken cancellationToken = default)
        => ReadData<CometChatAuthToken>(await SendAsync(HttpMethod.Get, TokensPath(uid) + "/" + Segment("authToken", token), null, RateBucket.Standard, cancellationToken).ConfigureAwait(false));

    /// <summary>Revokes one token.</summary>
    public Task RemoveAuthTokenAsync(string uid, string token, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.RemoveAuthToken(uid, token), cancellationToken);

    /// <summary>Revokes every token of a user.</summary>
    public Task RemoveAllAuthTokensAsync(string uid, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.RemoveAllAuthTokens(uid), cancellationToken);

    private static string TokensPath(string uid) => "/users/" + Segment("uid", uid) + "/auth_tokens";

}
