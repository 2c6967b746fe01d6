namespace CometChat.Emulator.Endpoints;

/// <summary>Writes bucket results such as <c>{"deactivatedUids": […], "notFound": […]}</c>, empty buckets left out (#9).</summary>
public static class Buckets
{
    /// <summary>Writes the object.</summary>
    public static void Write(Utf8JsonWriter w, params (string Name, IReadOnlyCollection<string> Uids)[] buckets)
    {
        w.WriteStartObject();
        foreach (var (name, uids) in buckets)
        {
            if (uids.Count == 0)
            {
                continue;
            }
            w.WriteStartArray(name);
            foreach (var uid in uids)
            {
                w.WriteStringValue(uid);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
