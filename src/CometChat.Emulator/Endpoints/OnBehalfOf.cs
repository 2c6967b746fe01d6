using CometChat.Emulator.Http;
using CometChat.Emulator.Storage;

namespace CometChat.Emulator.Endpoints;

/// <summary>The <c>onBehalfOf</c> header of decision #12.</summary>
public static class OnBehalfOf
{
    /// <summary>
    /// Resolves the header. Returns false with a 404 when it names an unknown (or deactivated) user; a missing
    /// or blank header gives a null viewer.
    /// </summary>
    public static bool TryResolve(ApiContext c, StoreState state, out string? viewer, out ApiResult? error)
    {
        viewer = null;
        error = null;
        var header = c.Header("onBehalfOf");
        if (header is null)
        {
            return true;
        }
        var uid = header.Trim().ToLowerInvariant();
        if (state.ActiveUser(uid) is null)
        {
            error = ApiErrors.OnBehalfOfNotFound(uid);
            return false;
        }
        viewer = uid;
        return true;
    }

    /// <summary>The relation of <paramref name="other"/> to <paramref name="viewer"/>.</summary>
    public static Relation RelationOf(StoreState state, string viewer, string other)
    {
        var at = state.BlockedAt(viewer, other);
        return new Relation(at is not null, at, state.BlockedAt(other, viewer) is not null,
            Relation.ConversationIdOf(viewer, other));
    }
}
