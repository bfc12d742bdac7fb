using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Problems;
using EcosystemMarket.ServiceDefaults.OpenApi;

namespace EcosystemMarket.Brokering.Apis;

[ValidationRequires(nameof(Name))]
public sealed record CustomerInput(string? Name, string? Contact);

/// <summary>
/// A new opportunity. Posted around a vendor's blueprint (<see cref="BlueprintId"/>), it may leave out its needs (the
/// blueprint's capabilities become its must-haves) and its vendor (the blueprint's).
/// </summary>
[ValidationRequires(nameof(Customer), nameof(Industry), nameof(Region), nameof(Size), nameof(EstimatedValue), nameof(Currency))]
[ClosedList(nameof(Size), typeof(PostOpportunityRequest), nameof(Sizes))]
public sealed record PostOpportunityRequest(
    CustomerInput? Customer,
    string? Industry,
    string? Region,
    string? Size,
    IReadOnlyList<CapabilityNeed>? Needs,
    decimal? EstimatedValue,
    string? Currency,
    DateOnly? CloseDate,
    bool Draft = false,
    bool AutoInviteNextBest = false,
    string? VendorId = null,
    Guid? BlueprintId = null)
{
    public static readonly IReadOnlyList<string> Sizes = ["small", "medium", "large", "enterprise"];
    public const decimal MaxValue = 1_000_000_000_000m;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .RequireText("customer.name", Customer?.Name, 200)
            .RequireText("industry", Industry, 100);
        if (Customer?.Contact is { Length: > 200 })
        {
            errors.Add("customer.contact", "'customer.contact' must be at most 200 characters.");
        }
        if (!CodeFormats.IsRegion(Region))
        {
            errors.Add("region", "'region' must be an ISO 3166-1 alpha-2 code such as 'US'.");
        }
        if (Size is null || !Sizes.Contains(Size))
        {
            errors.Add("size", $"'size' must be one of: {string.Join(", ", Sizes)}.");
        }
        if ((BlueprintId is null || Needs is { Count: > 0 })
            && (Needs is not { Count: > 0 and <= 50 } || Needs.Any(n => n is null || !CodeFormats.IsCapability(n.Capability))))
        {
            errors.Add("needs", "'needs' must list 1 to 50 capabilities, each a lower-case code such as 'storage.backup' with 'mustHave'.");
        }
        if (EstimatedValue is not (> 0 and <= MaxValue))
        {
            errors.Add("estimatedValue", $"'estimatedValue' must be greater than 0 and at most {MaxValue}.");
        }
        if (!CodeFormats.IsCurrency(Currency))
        {
            errors.Add("currency", "'currency' must be an ISO 4217 code such as 'USD'.");
        }
        if (VendorId is not null && !CodeFormats.IsVendor(VendorId))
        {
            errors.Add("vendorId", "'vendorId' must name the vendor's program (lower-case letters, digits and dashes).");
        }
        return errors;
    }

    /// <summary>Errors when the blueprint named is not published (null), or belongs to another vendor than the one named.</summary>
    public ValidationErrors CheckBlueprint(BlueprintNeeds? blueprint)
    {
        var errors = new ValidationErrors();
        if (blueprint is null)
        {
            errors.Add("blueprintId", $"'blueprintId': {BlueprintId} is not a published blueprint; they are listed at GET /api/partners/blueprints.");
        }
        else if (VendorId is not null && VendorId != blueprint.VendorId)
        {
            errors.Add("vendorId", $"'vendorId' must be '{blueprint.VendorId}', the vendor of the blueprint, or left out.");
        }
        return errors;
    }

    /// <summary>The needs as posted, or the blueprint's capabilities as must-haves when none were; a need named twice counts once.</summary>
    public IReadOnlyList<CapabilityNeed> NeedsAround(BlueprintNeeds? blueprint) =>
        (Needs is { Count: > 0 } || blueprint is null ? Needs! : blueprint.AsNeeds())
            .GroupBy(n => n.Capability).Select(g => new CapabilityNeed { Capability = g.Key, MustHave = g.Any(n => n.MustHave) }).ToList();
}

/// <summary>
/// An invitation: the reward is either <see cref="Reward"/> (referral fee %, revenue share % or fixed fee) or,
/// as a shorthand for a referral fee, <see cref="ReferralFeePercent"/>.
/// </summary>
[ValidationRequires(nameof(PartnerId), nameof(Role))]
public sealed record InviteRequest(Guid? PartnerId, string? Role, RewardTerms? Reward, decimal? ReferralFeePercent, DateTimeOffset? AcceptBy)
{
    public RewardTerms? Terms => Reward ?? (ReferralFeePercent is { } percent ? new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = percent } : null);

    public ValidationErrors Validate(DateTimeOffset now)
    {
        var errors = new ValidationErrors().RequireText("role", Role, 100);
        if (PartnerId is null || PartnerId == Guid.Empty)
        {
            errors.Add("partnerId", "'partnerId' must name the partner to invite.");
        }
        RewardRules.Validate(Terms, Reward is null && ReferralFeePercent is not null ? "referralFeePercent" : "reward", errors);
        if (AcceptBy is { } acceptBy && acceptBy <= now)
        {
            errors.Add("acceptBy", "'acceptBy' must be in the future.");
        }
        return errors;
    }
}

[ValidationRequires(nameof(Reason))]
public sealed record DeclineRequest(string? Reason);

[ValidationRequires(nameof(FinalValue))]
public sealed record WinRequest(decimal? FinalValue);

[ValidationRequires(nameof(Reason))]
public sealed record ReverseRequest(string? Reason);

/// <summary>
/// An opportunity as one caller may see it: <see cref="Customer"/> is null unless the caller owns the
/// opportunity or has accepted an invitation to it.
/// </summary>
public sealed record OpportunityView(
    Guid Id, Guid OwnerPartnerId, string? VendorId, Customer? Customer, bool CustomerVisible, string Industry, string Region, string Size,
    IReadOnlyList<CapabilityNeed> Needs, decimal EstimatedValue, string Currency, DateOnly? CloseDate,
    OpportunityStatus Status, decimal? FinalValue, bool AutoInviteNextBest, DateTimeOffset CreatedAt, Guid? BlueprintId = null)
{
    public static OpportunityView Of(Opportunity o, bool showCustomer) => new(
        o.Id, o.OwnerPartnerId, o.VendorId, showCustomer ? o.Customer : null, showCustomer, o.Industry, o.Region, o.Size,
        o.Needs, o.EstimatedValue, o.Currency, o.CloseDate, o.Status, o.FinalValue, o.AutoInviteNextBest, o.CreatedAt, o.BlueprintId);
}

/// <summary>
/// An opportunity the caller was suggested for, as an invitee sees it before accepting (no customer), with the rank,
/// score and reasons of the suggestion and whether its owner has invited the caller.
/// </summary>
public sealed record SuggestedOpportunityView(
    OpportunityView Opportunity, int Rank, double Score, IReadOnlyList<string> Reasons, DateTimeOffset SuggestedAt, bool Invited)
{
    public static SuggestedOpportunityView Of(SuggestedOpportunity s) => new(
        OpportunityView.Of(s.Opportunity, showCustomer: false), s.Suggestion.Rank, s.Suggestion.Score, s.Suggestion.Reasons, s.Suggestion.SuggestedAt, s.Invited);
}
