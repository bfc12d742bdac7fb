using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// The in-memory capability index of one replica: partners in slots, and for every capability key the
/// slots of the partners that cover it (posting lists). Built from the partner directory at start-up and
/// kept current from Partners' events; a snapshot replaces the held one only when its version is higher,
/// so the bootstrap stream and the events can arrive in any order.
/// </summary>
public sealed class PartnerIndex
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<Guid, int> _slotById = [];
    private readonly List<IndexedPartner> _partners = [];
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private volatile bool _ready;

    /// <summary>True once the bootstrap from the partner directory completed; until then the index answers nothing.</summary>
    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _partners.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <returns>true when the snapshot was newer than what the index held.</returns>
    public bool Apply(PartnerSnapshot snapshot)
    {
        var partner = IndexedPartner.From(snapshot);
        _lock.EnterWriteLock();
        try
        {
            if (_slotById.TryGetValue(snapshot.PartnerId, out var slot))
            {
                var current = _partners[slot];
                if (current.Version >= snapshot.Version)
                {
                    return false;
                }
                foreach (var key in current.Keys)
                {
                    _postings[key].Remove(slot);
                }
                _partners[slot] = partner;
            }
            else
            {
                slot = _partners.Count;
                _partners.Add(partner);
                _slotById[snapshot.PartnerId] = slot;
            }

            foreach (var key in partner.Keys)
            {
                if (!_postings.TryGetValue(key, out var postings))
                {
                    _postings[key] = postings = [];
                }
                postings.Add(slot);
            }
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public IndexedPartner? Get(Guid id) => Read(view => view.Get(id));

    /// <summary>Runs a query against a consistent view; writers wait until it returns.</summary>
    public T Read<T>(Func<View, T> query)
    {
        _lock.EnterReadLock();
        try
        {
            return query(new View(this));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public readonly struct View(PartnerIndex index)
    {
        public int SlotCount => index._partners.Count;

        public IndexedPartner this[int slot] => index._partners[slot];

        public IndexedPartner? Get(Guid id) => index._slotById.TryGetValue(id, out var slot) ? index._partners[slot] : null;

        public IReadOnlyList<int> Postings(string key) => index._postings.TryGetValue(key, out var slots) ? slots : [];

        public IEnumerable<IndexedPartner> All => index._partners;
    }
}
