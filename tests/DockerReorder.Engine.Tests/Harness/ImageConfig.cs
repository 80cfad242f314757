using System.Text.Json;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>The parts of an image's config that "the same image" compares, each rendered canonically.</summary>
/// <param name="Fields">Field name (Env, WorkingDir, User, Cmd, Entrypoint, ExposedPorts, Labels, Volumes) to its rendering.</param>
public sealed record ImageConfig(IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The compared fields, in the order diffs show them.</summary>
    public static readonly IReadOnlyList<string> ComparedFields =
        ["Env", "WorkingDir", "User", "Cmd", "Entrypoint", "ExposedPorts", "Labels", "Volumes"];

    /// <summary>Reads the config from <c>docker image inspect</c> output (a one-element JSON array).</summary>
    public static ImageConfig FromInspect(string inspectJson)
    {
        using var document = JsonDocument.Parse(inspectJson);
        var config = document.RootElement[0].GetProperty("Config");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ComparedFields)
        {
            fields[name] = config.TryGetProperty(name, out var value) ? Render(value) : "null";
        }

        return new ImageConfig(fields);
    }

    /// <summary>Arrays keep their order (Env and Cmd order matters); object members are sorted.</summary>
    private static string Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "null",
        JsonValueKind.String => JsonSerializer.Serialize(value.GetString()),
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Render)) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", value.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ": " + Render(p.Value))) + "}",
        _ => value.GetRawText(),
    };
}
