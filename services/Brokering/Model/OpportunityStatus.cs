namespace EcosystemMarket.Brokering.Model;

public enum OpportunityStatus
{
    Draft,
    Open,
    Teaming,
    Won,
    Lost,
    Withdrawn,
    Reversed,
}

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
}
