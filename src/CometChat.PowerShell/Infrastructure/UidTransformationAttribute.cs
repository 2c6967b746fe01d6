using System.Collections;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Lets <c>-Uid</c> take a string or any object with a <c>Uid</c> property (this module's users, CSV rows, custom
/// objects), alone or in an array. Surrounding whitespace is dropped, as a spreadsheet cell's stray spaces are
/// not part of the uid; whitespace inside a uid stays, and the uid rules refuse it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class UidTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is string or null)
        {
            return Trim(value);
        }
        if (value is IEnumerable sequence and not IDictionary)
        {
            var uids = new List<object?>();
            foreach (var item in sequence)
            {
                uids.Add(ToUid(item));
            }
            return uids.ToArray();
        }
        return ToUid(inputData);
    }

    private static object? Trim(object? value) => value is string text ? text.Trim() : value;

    private static object? ToUid(object? item)
    {
        if (item is null)
        {
            return null;
        }
        var wrapped = PSObject.AsPSObject(item);
        if (wrapped.BaseObject is string)
        {
            return Trim(wrapped.BaseObject);
        }
        if (wrapped.BaseObject is IDictionary dictionary && dictionary.Contains("Uid"))
        {
            return Trim(dictionary["Uid"]?.ToString());
        }
        var property = wrapped.Properties["Uid"] ?? wrapped.Properties["UserId"];
        return Trim(property?.Value?.ToString()) ?? item;
    }
}
