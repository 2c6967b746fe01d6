using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Json;
using CometChat.Client.Models;
using CometChat.Client.Requests;
using CometChat.Client.Validation;

namespace CometChat.Client;

public sealed partial class CometChatClient
{
    /// <summary>
    /// Creates a user (<c>POST /users</c>). When an attempt was lost (timeout, dropped connection, 5xx) and the retry
    /// meets <c>ERR_UID_ALREADY_EXISTS</c>, the stored user is fetched: if it is what was sent, the lost attempt was
    /// applied and the user is returned as created; otherwise the conflict is real and is thrown.
    /// </summary>
    public Task<CometChatUser> CreateUserAsync(NewUser user, CancellationToken cancellationToken = default)
        => CreateUserAsync(CometChatRequests.CreateUser(user), user, cancellationToken);

    /// <summary>Creates a user from a request prepared for it (<see cref="CometChatRequests.CreateUser"/>); see <see cref="CreateUserAsync(NewUser, CancellationToken)"/>.</summary>
    public async Task<CometChatUser> CreateUserAsync(PreparedRequest<CometChatUser> prepared, NewUser user, CancellationToken cancellationToken = default)
    {
        prepared.ThrowIfInvalid();
        var request = prepared.ToApiRequest();
        try
        {
            return Read(await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false), prepared.Read);
        }
        catch (CometChatApiException conflict) when (conflict.ErrorCode == ErrorCodes.UidAlreadyExists && request.HadAmbiguousFailure)
        {
            var stored = await TryGetUserAsync(user.Uid, cancellationToken).ConfigureAwait(false);
            if (stored is null || !UserComparer.Matches(user, stored))
            {
                throw;
            }
            if (user.WithAuthToken == true)
            {
                stored.AuthToken = (await CreateAuthTokenAsync(stored.Uid, force: false, cancellationToken).ConfigureAwait(false)).Token;
            }
            RequestObserverScope.Current?.Recovered(stored.Uid);
            return stored;
        }
    }

    /// <summary>Gets one user (<c>GET /users/{uid}</c>); deactivated users are not found.</summary>
    public async Task<CometChatUser> GetUserAsync(string uid, string? onBehalfOf = null, CancellationToken cancellationToken = default)
        => ReadData<CometChatUser>(await SendAsync(HttpMethod.Get, "/users/" + Segment("uid", uid), null, RateBucket.Standard, cancellationToken, onBehalfOf).ConfigureAwait(false));

    /// <summary>Gets one user, or null when the uid is unknown.</summary>
    public async Task<CometChatUser?> TryGetUserAsync(string uid, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetUserAsync(uid, null, cancellationToken).ConfigureAwait(false);
        }
        catch (CometChatApiException notFound) when (notFound.ErrorCode == ErrorCodes.UidNotFound)
        {
            return null;
        }
    }

    /// <summary>Gets one page of users (<c>GET /users</c>), ordered by name then uid.</summary>
    public async Task<CometChatPage<CometChatUser>> ListUsersAsync(UserQuery query, int page = 1, int perPage = 100, CancellationToken cancellationToken = default)
    {
        CheckPaging(page, perPage);
        var parameters = new Dictionary<string, string?>
        {
            ["perPage"] = Number(perPage),
            ["page"] = Number(page),
            ["searchKey"] = query.SearchKey,
            ["searchIn"] = Join(query.SearchIn),
            ["status"] = query.Status,
            ["roles"] = Join(query.Roles),
            ["tags"] = Join(query.Tags),
            ["withTags"] = query.WithTags ? "true" : null,
            ["withDeactivated"] = query.WithDeactivated ? "true" : null,
            ["onlyDeactivated"] = query.OnlyDeactivated ? "true" : null,
        };
        var exchange = await SendAsync(HttpMethod.Get, "/users" + Query(parameters), null, RateBucket.Standard, cancellationToken, query.OnBehalfOf).ConfigureAwait(false);
        return ReadPage<CometChatUser>(exchange);
    }

    /// <summary>Updates a user (<c>PUT /users/{uid}</c>) and returns it as stored.</summary>
    public Task<CometChatUser> UpdateUserAsync(string uid, UserUpdate update, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.UpdateUser(uid, update), cancellationToken);

    /// <summary>Deletes a user (<c>DELETE /users/{uid}</c>): deactivates it, or removes it for good when <paramref name="permanent"/>.</summary>
    public Task DeleteUserAsync(string uid, bool permanent, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.DeleteUser(uid, permanent), cancellationToken);

    /// <summary>Deactivates users in one request (<c>DELETE /users</c>).</summary>
    public Task<BulkStateResult> DeactivateUsersAsync(IEnumerable<string> uids, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.DeactivateUsers(uids), cancellationToken);

    /// <summary>Reactivates users in one request (<c>PUT /users</c>).</summary>
    public Task<BulkStateResult> ReactivateUsersAsync(IEnumerable<string> uids, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.ReactivateUsers(uids), cancellationToken);
}
