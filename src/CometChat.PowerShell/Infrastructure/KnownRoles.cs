using CometChat.Client.Validation;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// The app's roles, read once per command (an app has at most 25), so that a row naming a role the app lacks is
/// refused before its request. When they can't be read (an Auth Only key, no connection), CometChat decides.
/// </summary>
internal sealed class KnownRoles
{
    private readonly Func<IReadOnlyCollection<string>?> _read;
    private HashSet<string>? _roles;

    /// <summary><paramref name="read"/> returns the role ids, or null when they can't be read.</summary>
    public KnownRoles(Func<IReadOnlyCollection<string>?> read)
    {
        _read = read;
    }

    /// <summary>A problem when <paramref name="role"/> is not one of the app's roles; null when it is, or unknown.</summary>
    public FieldProblem? Problem(string? role)
    {
        if (role is null)
        {
            return null;
        }
        _roles ??= new HashSet<string>(_read() ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        return _roles.Count == 0 || _roles.Contains(role)
            ? null
            : new FieldProblem("role", $"The role {role} does not exist. Use one of: {string.Join(", ", _roles.OrderBy(r => r, StringComparer.Ordinal))}; or create it first with New-CometChatRole.", ErrorCodes.RoleNotFound);
    }
}
