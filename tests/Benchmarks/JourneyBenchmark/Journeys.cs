using System.Diagnostics;
using System.Text.Json;

namespace EcosystemMarket.JourneyBenchmark;

/// <summary>
/// The VARs and the ISVs they need, and the journey each VAR runs in a loop: post an opportunity needing what only
/// the ISVs bring, read the suggestions, invite the best suggested partner, have it accept, win, read the ledger
/// (with <c>--mix-only</c>, the first three steps alone).
/// </summary>
public sealed class Journeys(Gateway gateway, Recorder recorder, bool mixOnly = false)
{
    private const string VarCapability = "software";
    private const string IsvCapability = "storage";

    /// <returns>Why a registration failed, or null when every partner is registered.</returns>
    public static async Task<string?> RegisterAsync(Gateway gateway, IEnumerable<Guid> partners, string category)
    {
        var (function, capability) = category == "isv" ? ("solution", IsvCapability) : ("sales", VarCapability);
        foreach (var partner in partners)
        {
            var answer = await gateway.SendAsync(partner, HttpMethod.Post, "/api/partners", new
            {
                name = $"Journey {category} {partner.ToString()[..8]}", partnerFunction = function, category, tier = "advanced",
                regions = new[] { "US" }, capabilities = new[] { new { code = capability, proficiency = "expert" } },
            }, CancellationToken.None);
            if (!answer.Succeeded)
            {
                return $"registering {category} {partner} answered {(int)answer.Status} {answer.Status}";
            }
        }
        return null;
    }

    public async Task RunAsync(Guid owner, IReadOnlyList<Guid> isvs, long until, CancellationToken cancellationToken)
    {
        for (var round = 0; Stopwatch.GetTimestamp() < until; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var turn = (owner.GetHashCode() & int.MaxValue) + round;
            recorder.Journey(started, await OneAsync(owner, isvs, turn, started, cancellationToken));
        }
    }

    /// <summary>How many of the best suggestions a VAR chooses among: 32 VARs all inviting one ISV would measure that ISV's rate budget.</summary>
    private const int Shortlist = 3;

    private async Task<bool> OneAsync(Guid owner, IReadOnlyList<Guid> isvs, int turn, long started, CancellationToken cancellationToken)
    {
        var posted = await StepAsync(Step.Post, started, owner, HttpMethod.Post, "/api/opportunities", new
        {
            customer = new { name = "Journey Corp", contact = "cio@journey.example" }, industry = "manufacturing", region = "US", size = "large",
            needs = new[] { new { capability = VarCapability, mustHave = true }, new { capability = IsvCapability, mustHave = true } },
            estimatedValue = 250000, currency = "USD",
        }, cancellationToken);
        if (posted is not { } opportunity)
        {
            return false;
        }
        var id = opportunity.GetProperty("id").GetGuid();
        if (await StepAsync(Step.Suggestions, started, owner, HttpMethod.Get, $"/api/opportunities/{id}/suggestions", null, cancellationToken) is not { } suggestions)
        {
            return false;
        }
        // Only this run's ISVs are invited (their tokens are the run's; a system with other partners ranks them too), one of
        // the best few in turn; Matching learns of new partners through events: until it has, one of the run's pool.
        var shortlist = suggestions.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("partnerId").GetGuid())
            .Where(isvs.Contains).Take(Shortlist).ToList();
        var invitee = shortlist.Count > 0 ? shortlist[turn % shortlist.Count] : isvs[turn % isvs.Count];
        if (await StepAsync(Step.Invite, started, owner, HttpMethod.Post, $"/api/opportunities/{id}/invitations",
                new { partnerId = invitee, role = "storage specialist", referralFeePercent = 10 }, cancellationToken) is not { } invitation)
        {
            return false;
        }
        if (mixOnly)
        {
            return true;
        }
        return await StepAsync(Step.Accept, started, invitee, HttpMethod.Post, $"/api/invitations/{invitation.GetProperty("id").GetGuid()}/accept", null, cancellationToken) is not null
            && await StepAsync(Step.Win, started, owner, HttpMethod.Post, $"/api/opportunities/{id}/win", new { finalValue = 240000 }, cancellationToken) is not null
            && await StepAsync(Step.Ledger, started, owner, HttpMethod.Get, $"/api/rewards/partners/{owner}/ledger", null, cancellationToken) is not null;
    }

    private async Task<JsonElement?> StepAsync(Step step, long journeyStarted, Guid actor, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var answer = await gateway.SendAsync(actor, method, path, body, cancellationToken);
        recorder.Step(step, journeyStarted, answer);
        return answer.Succeeded ? answer.Body : null;
    }
}
