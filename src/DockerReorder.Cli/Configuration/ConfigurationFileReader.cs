using System.Text;
using System.Text.Json;

namespace DockerReorder.Cli.Configuration;

/// <summary>
/// Reads <c>.docker-reorder.json</c>: a JSON object (comments and trailing commas allowed) with the keys
/// <c>select</c>, <c>ignore</c>, <c>exclude</c>, <c>extra-manifests</c> (arrays of strings) and
/// <c>unsafe-fixes</c> (a boolean). Unknown keys and wrong types are errors with line and column.
/// </summary>
public static class ConfigurationFileReader
{
    /// <summary>The file name looked for in each folder.</summary>
    public const string FileName = ".docker-reorder.json";

    /// <summary>Parses the configuration in <paramref name="bytes"/>, read from <paramref name="filePath"/>.</summary>
    public static ReorderConfiguration Parse(string filePath, byte[] bytes, string displayPath)
    {
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var reader = new Utf8JsonReader(bytes, options);
        var config = new ReorderConfiguration { FilePath = filePath };
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw Error(displayPath, bytes, reader.TokenStartIndex, "expected a JSON object");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                long keyAt = reader.TokenStartIndex;
                reader.Read();
                config = key switch
                {
                    "select" => config with { Select = ReadRuleIds(ref reader, displayPath, bytes, key) },
                    "ignore" => config with { Ignore = ReadRuleIds(ref reader, displayPath, bytes, key) },
                    "exclude" => config with { Exclude = ReadStrings(ref reader, displayPath, bytes, key) },
                    "extra-manifests" => config with { ExtraManifests = ReadStrings(ref reader, displayPath, bytes, key) },
                    "unsafe-fixes" => config with { UnsafeFixes = ReadBoolean(ref reader, displayPath, bytes, key) },
                    _ => throw Error(displayPath, bytes, keyAt, $"unknown key \"{key}\" (known: select, ignore, unsafe-fixes, exclude, extra-manifests)"),
                };
            }
            if (reader.Read()) throw Error(displayPath, bytes, reader.TokenStartIndex, "unexpected content after the object");
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? 0) + 1, column = (e.BytePositionInLine ?? 0) + 1;
            throw new ConfigurationException($"{displayPath}:{line}:{column}: invalid JSON");
        }
        return config;
    }

    private static bool ReadBoolean(ref Utf8JsonReader reader, string path, byte[] bytes, string key) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Error(path, bytes, reader.TokenStartIndex, $"\"{key}\" must be true or false"),
        };

    private static List<string> ReadStrings(ref Utf8JsonReader reader, string path, byte[] bytes, string key)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Error(path, bytes, reader.TokenStartIndex, $"\"{key}\" must be an array of strings");
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String) throw Error(path, bytes, reader.TokenStartIndex, $"\"{key}\" must be an array of strings");
            values.Add(reader.GetString()!);
        }
        return values;
    }

    private static List<string> ReadRuleIds(ref Utf8JsonReader reader, string path, byte[] bytes, string key)
    {
        long at = reader.TokenStartIndex;
        var ids = ReadStrings(ref reader, path, bytes, key);
        foreach (var id in ids)
        {
            if (!RuleIdList.IsRuleId(id)) throw Error(path, bytes, at, $"\"{key}\": \"{id}\" is not a rule id (DR followed by three digits)");
        }
        return ids;
    }

    private static ConfigurationException Error(string path, byte[] bytes, long offset, string message)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == '\n') { line++; lineStart = i + 1; }
        }
        int column = Encoding.UTF8.GetCharCount(bytes, lineStart, (int)Math.Min(offset, bytes.Length) - lineStart) + 1;
        return new ConfigurationException($"{path}:{line}:{column}: {message}");
    }
}
