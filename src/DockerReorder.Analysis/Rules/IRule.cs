namespace DockerReorder.Analysis.Rules;

/// <summary>A rule: a descriptor and a check that reports findings (with fixes where it can). Rules never edit.</summary>
public interface IRule
{
    /// <summary>What the rule is.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>Reports the rule's findings in one Dockerfile.</summary>
    IEnumerable<Finding> Check(RuleContext context);
}
