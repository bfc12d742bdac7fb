namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// Plays one opportunity's story through the API in the order a real owner would: post it, ask Matching for
/// complementary partners, invite them, register the deal with the vendor, let the invitees answer, close it.
/// The seeder runs the steps back to back; the ongoing activity paces them, so the dashboards move gently.
/// </summary>
public sealed class OpportunityJourney(EcosystemClient client)
{
    private static readonly string[] DeclineReasons =
        ["No capacity this quarter.", "Outside the regions we serve.", "We already work with a competitor of this customer."];
    private static readonly TimeSpan MatchingRetryDelay = TimeSpan.FromMilliseconds(500);
    private const int MatchingAttempts = 20;

    public async Task<JourneyOutcome> PlayAsync(DemoOpportunity story, Func<CancellationToken, Task> afterStep, CancellationToken cancellationToken)
    {
        var opportunity = await client.PostOpportunityAsync(story, cancellationToken);
        await afterStep(cancellationToken);
        var candidates = await SuggestAsync(story.OwnerId, opportunity.Id, cancellationToken);
        await afterStep(cancellationToken);

        var invitations = new List<(ApiInvitation Invitation, bool Accepts)>();
        foreach (var (candidate, accepts) in candidates.Zip(story.InviteeAccepts))
        {
            var role = $"{candidate.CoversMustHave.FirstOrDefault() ?? story.Needs[0].Capability} specialist";
            invitations.Add((await client.InviteAsync(story.OwnerId, opportunity.Id, candidate.PartnerId, role, story.Reward, cancellationToken), accepts));
            await afterStep(cancellationToken);
        }
        if (story.RegistersDeal)
        {
            await client.RegisterDealAsync(story.OwnerId, story.VendorId, story.CustomerName, story.Needs.Select(n => n.Capability).ToList(),
                opportunity.Id, cancellationToken);
            await afterStep(cancellationToken);
        }
        foreach (var ((invitation, accepts), index) in invitations.Select((pair, index) => (pair, index)))
        {
            await (accepts
                ? client.AcceptAsync(invitation, cancellationToken)
                : client.DeclineAsync(invitation, DeclineReasons[index % DeclineReasons.Length], cancellationToken));
            await afterStep(cancellationToken);
        }
        await CloseAsync(story, opportunity.Id, cancellationToken);
        if (story.Outcome != DemoOutcome.StaysOpen)
        {
            await afterStep(cancellationToken);
        }
        return new JourneyOutcome(opportunity.Id, invitations.Count, invitations.Count(i => i.Accepts));
    }

    /// <summary>
    /// Matching learns of new partners from Partners' events, a moment after they register: right after a
    /// seed it may not know them all yet, so an empty answer is asked again for a while before it is taken.
    /// </summary>
    private async Task<IReadOnlyList<ApiCandidate>> SuggestAsync(Guid owner, Guid opportunityId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var suggestions = await client.SuggestionsAsync(owner, opportunityId, cancellationToken);
                if (suggestions.Candidates.Count > 0 || attempt == MatchingAttempts)
                {
                    return suggestions.Candidates;
                }
            }
            catch (DemoApiException unavailable) when (unavailable.Status == System.Net.HttpStatusCode.ServiceUnavailable && attempt < MatchingAttempts)
            {
            }
            await Task.Delay(MatchingRetryDelay, cancellationToken);
        }
    }

    private Task CloseAsync(DemoOpportunity story, Guid opportunityId, CancellationToken cancellationToken) => story.Outcome switch
    {
        DemoOutcome.Won => client.WinAsync(story.OwnerId, opportunityId, decimal.Round(story.EstimatedValue * story.FinalValueRatio), cancellationToken),
        DemoOutcome.Lost => client.LoseAsync(story.OwnerId, opportunityId, cancellationToken),
        DemoOutcome.Withdrawn => client.WithdrawAsync(story.OwnerId, opportunityId, cancellationToken),
        _ => Task.CompletedTask,
    };
}

public sealed record JourneyOutcome(Guid OpportunityId, int Invited, int Accepted);
