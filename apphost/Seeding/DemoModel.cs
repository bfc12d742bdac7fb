namespace EcosystemMarket.AppHost.Seeding;

// The demo ecosystem as plain data, in the shapes the public API accepts, so the seeder only sends it.

public sealed record DemoVendor(string Id, string Name, string Currency, decimal LeadRegistrationBonus, int HoldingPeriodDays);

public sealed record DemoCapability(string Code, string Proficiency);

/// <summary>A vendor's reference solution; the program members whose capabilities touch it adopt it.</summary>
public sealed record DemoBlueprint(string VendorId, string Name, string Description, IReadOnlyList<string> Capabilities);

public sealed record DemoCertification(string Vendor, string Name, string Level, DateOnly IssuedOn, DateOnly? ExpiresOn, IReadOnlyList<string> Capabilities);

public sealed record DemoPartner(
    Guid Id,
    string Name,
    string PartnerFunction,
    string Category,
    string Tier,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Verticals,
    IReadOnlyList<DemoCapability> Capabilities,
    IReadOnlyList<DemoCertification> Certifications,
    IReadOnlyList<string> ProgramMemberships);

public sealed record DemoNeed(string Capability, bool MustHave);

public enum DemoOutcome
{
    StaysOpen,
    Won,
    Lost,
    Withdrawn,
}

/// <summary>The reward an invitee is offered: a percentage of the final value, or a fixed fee.</summary>
public sealed record DemoReward(string Kind, decimal? Percent, decimal? Amount);

/// <summary>
/// One opportunity's whole story, decided up front: who owns it, what it needs, how many suggested partners
/// are invited and which of them accept, whether the owner registers the deal with the vendor, how it ends.
/// </summary>
public sealed record DemoOpportunity(
    Guid OwnerId,
    string CustomerName,
    string Industry,
    string Region,
    string Size,
    IReadOnlyList<DemoNeed> Needs,
    decimal EstimatedValue,
    string Currency,
    string VendorId,
    IReadOnlyList<bool> InviteeAccepts,
    DemoReward Reward,
    bool RegistersDeal,
    DemoOutcome Outcome,
    decimal FinalValueRatio)
{
    /// <summary>The API calls the story takes, for the progress bar: post, suggestions, invitations and answers, registration, close.</summary>
    public int StepCount => 2 + 2 * InviteeAccepts.Count + (RegistersDeal ? 1 : 0) + (Outcome == DemoOutcome.StaysOpen ? 0 : 1);
}

/// <summary>A registration by another program member for a customer someone registered first: the vendor sees the conflict.</summary>
public sealed record DemoConflictingRegistration(Guid RegistrantId, string VendorId, string CustomerName, IReadOnlyList<string> Scope);
