namespace DockerReorder.Analysis.Model;

/// <summary>A build stage: a <c>FROM</c> and the instructions up to the next one.</summary>
/// <param name="Index">0-based position among the stages.</param>
/// <param name="Name">The <c>AS</c> name, or null.</param>
/// <param name="BaseImage">The image or stage named by FROM, as written.</param>
/// <param name="Steps">The instructions, FROM first.</param>
public sealed record Stage(int Index, string? Name, string BaseImage, IReadOnlyList<Step> Steps)
{
    /// <summary>How the stage is called in messages: its name or its index.</summary>
    public string DisplayName => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
