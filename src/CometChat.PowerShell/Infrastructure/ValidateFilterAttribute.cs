using System.Collections;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Refuses a filter value that is null, empty or only whitespace (alone or inside an array). CometChat ignores an
/// empty filter, so <c>-Tag $null</c> would match every user, and piped into a delete it would delete the app.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateFilterAttribute : ValidateArgumentsAttribute
{
    /// <inheritdoc />
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is string text)
        {
            Check(text);
            return;
        }
        if (value is IEnumerable sequence)
        {
            var any = false;
            foreach (var item in sequence)
            {
                any = true;
                Check(item is PSObject inner ? inner.BaseObject : item);
            }
            if (!any)
            {
                throw Empty();
            }
            return;
        }
        Check(value);
    }

    private static void Check(object? item)
    {
        if (item is null || (item is string text && text.Trim().Length == 0))
        {
            throw Empty();
        }
    }

    private static ValidationMetadataException Empty() => new(
        "The filter is empty. An empty filter would match every user; give a value, or leave the parameter out to list everyone.");
}
