namespace DockerReorder.Analysis.Catalogue;

/// <summary>One <c>--mount</c> flag of a <c>RUN</c> step, read from its comma-separated <c>key=value</c> form.</summary>
/// <param name="Type">The mount type (<c>bind</c> when not given).</param>
/// <param name="Source">The <c>source</c>/<c>src</c> value, or null.</param>
/// <param name="Target">The <c>target</c>/<c>dst</c>/<c>destination</c> value, or null.</param>
/// <param name="From">The <c>from</c> value (a stage or image), or null for the build context.</param>
internal sealed record MountSpec(string Type, string? Source, string? Target, string? From)
{
    /// <summary>Reads a <c>--mount</c> value (<c>type=cache,target=/root/.cache</c>).</summary>
    internal static MountSpec Parse(string value)
    {
        string type = "bind";
        string? source = null, target = null, from = null;
        foreach (var field in value.Split(','))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? field : field[..equals]).Trim().ToLowerInvariant();
            var fieldValue = equals < 0 ? string.Empty : field[(equals + 1)..].Trim().Trim('"', '\'');
            switch (key)
            {
                case "type":
                    type = fieldValue.ToLowerInvariant();
                    break;
                case "source" or "src":
                    source = fieldValue;
                    break;
                case "target" or "dst" or "destination":
                    target = fieldValue;
                    break;
                case "from":
                    from = fieldValue;
                    break;
            }
        }

        return new MountSpec(type, source, target, from);
    }
}
