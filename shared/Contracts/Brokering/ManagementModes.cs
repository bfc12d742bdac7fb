namespace EcosystemMarket.Contracts.V1;

/// <summary>
/// How a vendor program manages a category of partners. Brokering decides and stamps a participant's mode when it joins a
/// deal (the owner at posting, an invitee at invitation); Settlement's rewards honour the stamped mode.
/// </summary>
public static class ManagementModes
{
    public const string FormalProgram = "formal-program";
    public const string FormalSupport = "formal-support";
    public const string OneOnOne = "one-on-one";
    public const string Sla = "sla";
    public const string MarketingPr = "marketing-pr";

    public static readonly IReadOnlyList<string> All = [FormalProgram, FormalSupport, OneOnOne, Sla, MarketingPr];
}
