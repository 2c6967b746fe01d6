using CometChat.Client.Http;
using CometChat.Client.Models;
using CometChat.Client.Requests;
using CometChat.Client.Validation;

namespace CometChat.Client;

public sealed partial class CometChatClient
{
    /// <summary>Lists roles, one page.</summary>
    public async Task<CometChatPage<CometChatRole>> ListRolesAsync(int page = 1, int perPage = 100, CancellationToken cancellationToken = default)
    {
        CheckPaging(page, perPage);
        var query = Query(new Dictionary<string, string?> { ["perPage"] = Number(perPage), ["page"] = Number(page) });
        return ReadPage<CometChatRole>(await SendAsync(HttpMethod.Get, "/roles" + query, null, RateBucket.Standard, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Gets one role.</summary>
    public async Task<CometChatRole> GetRoleAsync(string role, CancellationToken cancellationToken = default)
        => ReadData<CometChatRole>(await SendAsync(HttpMethod.Get, "/roles/" + Segment("role", role), null, RateBucket.Standard, cancellationToken).ConfigureAwait(false));

    /// <summary>Creates a role.</summary>
    public Task<CometChatRole> CreateRoleAsync(NewRole role, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.CreateRole(role), cancellationToken);

    /// <summary>Updates a role.</summary>
    public Task<CometChatRole> UpdateRoleAsync(string role, RoleUpdate update, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.UpdateRole(role, update), cancellationToken);

    /// <summary>Deletes a role; <c>default</c> can't be deleted.</summary>
    public Task RemoveRoleAsync(string role, CancellationToken cancellationToken = default)
        => SendAsync(CometChatRequests.RemoveRole(role), cancellationToken);
}
