using System.Collections.Concurrent;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// The partner directory as Brokering's tests need it: every partner registered and active unless a test says
/// otherwise, and the shipped capability taxonomy, with Partners' own suggester. The real gRPC path is tested in
/// <see cref="Services_calling_each_other"/>.
/// </summary>
public sealed class BrokeringDirectoryStub : IPartnerDirectoryChecks
{
    public ConcurrentDictionary<Guid, PartnerStanding> Standings { get; } = new();

    /// <summary>Profiles a test describes; any other partner is named after its id and advertises nothing.</summary>
    public ConcurrentDictionary<Guid, DirectoryProfile> Profiles { get; } = new();

    public ConcurrentDictionary<Guid, BlueprintNeeds> Blueprints { get; } = new();

    /// <summary>Each partner's category; <c>isv</c> unless a test says otherwise.</summary>
    public ConcurrentDictionary<Guid, string> Categories { get; } = new();

    public Task<BlueprintNeeds?> BlueprintAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Blueprints.GetValueOrDefault(id));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UnknownCapabilitiesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(codes.Where(code => !CapabilityTaxonomy.Builtin.Contains(code))
            .Distinct(StringComparer.Ordinal).ToDictionary(code => code, code => CapabilitySuggester.Suggest(code, CapabilityTaxonomy.Builtin), StringComparer.Ordinal));

    /// <summary>Every partner but the unregistered ones, as a test described it or else named after its id, advertising nothing.</summary>
    public Task<IReadOnlyDictionary<Guid, DirectoryProfile>> ProfilesAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, DirectoryProfile>>(partnerIds.Distinct()
            .Where(id => Standings.GetValueOrDefault(id, PartnerStanding.Active) != PartnerStanding.Unregistered)
            .ToDictionary(id => id, ProfileOf));

    private DirectoryProfile ProfileOf(Guid id)
    {
        var profile = Profiles.GetValueOrDefault(id)
            ?? new DirectoryProfile(id, $"Partner {id.ToString()[..8]}", Standings.GetValueOrDefault(id, PartnerStanding.Active) == PartnerStanding.Active, []);
        return profile with { Category = Categories.GetValueOrDefault(id) ?? profile.Category ?? "isv" };
    }
}
