using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// The in-memory capability index of one replica: partners in slots, and for every capability key the
/// slots of the partners that cover it (posting lists). Built from the partner directory at start-up and
/// kept current from Partners' events; a snapshot replaces the held one only when its version is higher,
/// so the bootstrap stream and the events can arrive in any order.
/// </summary>
/// <remarks>
/// Laid out for queries over a hundred thousand partners: posting lists are sorted arrays of slots, each
/// with a byte of what ranking needs from it (level, certifying vendors); what every candidate is checked
/// for (active, tier, region, vertical) sits in arrays and bit sets by slot, so a query reads memory in
/// order instead of chasing one object per candidate.
/// </remarks>
public sealed class PartnerIndex
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<Guid, int> _slotById = [];
    private readonly List<IndexedPartner> _partners = [];
    private readonly Dictionary<string, PostingList> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlotSet> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlotSet> _verticals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlotSet> _blueprints = new(StringComparer.Ordinal);
    private readonly Vocabulary _vocabulary = new();
    private readonly SlotSet _active = new();
    private Guid[] _ids = new Guid[16];
    private byte[] _tierScores = new byte[16];
    private volatile bool _ready;

    /// <summary>True once the bootstrap from the partner directory completed; until then the index answers nothing.</summary>
    public bool IsReady => _ready;

    /// <summary>Declares the bootstrap complete; posting lists give back what they reserved while growing.</summary>
    public void MarkReady()
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var postings in _postings.Values)
            {
                postings.TrimExcess();
            }
            _slotById.TrimExcess();
            _partners.TrimExcess();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        _ready = true;
    }

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
        var partner = IndexedPartner.From(snapshot, _vocabulary);
        _lock.EnterWriteLock();
        try
        {
            return Insert(partner);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Applies a stream of snapshots as the bootstrap receives them, in batches: each batch's partners are shaped on
    /// every core (the sorting and sharing of their keys is most of the work), then inserted under one write lock.
    /// </summary>
    /// <returns>How many snapshots were read.</returns>
    public async Task<int> ApplyAllAsync(IAsyncEnumerable<PartnerSnapshot> snapshots, CancellationToken cancellationToken)
    {
        const int BatchSize = 4096;
        var batch = new List<PartnerSnapshot>(BatchSize);
        var built = new IndexedPartner[BatchSize];
        var read = 0;
        await foreach (var snapshot in snapshots.WithCancellation(cancellationToken))
        {
            batch.Add(snapshot);
            read++;
            if (batch.Count == BatchSize)
            {
                ApplyBatch(batch, built);
            }
        }
        ApplyBatch(batch, built);
        return read;
    }

    private void ApplyBatch(List<PartnerSnapshot> batch, IndexedPartner[] built)
    {
        Parallel.For(0, batch.Count, i => built[i] = IndexedPartner.From(batch[i], _vocabulary));
        _lock.EnterWriteLock();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                Insert(built[i]);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        Array.Clear(built);
        batch.Clear();
    }

    // Under the write lock.
    private bool Insert(IndexedPartner partner)
    {
        if (_slotById.TryGetValue(partner.Id, out var slot))
        {
            var current = _partners[slot];
            if (current.Version >= partner.Version)
            {
                return false;
            }
            foreach (var key in current.Keys)
            {
                _postings[key].Remove(slot);
            }
            Unmark(_regions, current.Regions, slot);
            Unmark(_verticals, current.Verticals, slot);
            Unmark(_blueprints, current.Blueprints, slot);
            _partners[slot] = partner;
        }
        else
        {
            slot = _partners.Count;
            _partners.Add(partner);
            _slotById[partner.Id] = slot;
            if (slot == _ids.Length)
            {
                Array.Resize(ref _ids, slot * 2);
                Array.Resize(ref _tierScores, slot * 2);
            }
        }

        _ids[slot] = partner.Id;
        _tierScores[slot] = (byte)partner.TierScore;
        if (partner.Active)
        {
            _active.Add(slot);
        }
        else
        {
            _active.Remove(slot);
        }
        var keys = partner.Keys;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (!_postings.TryGetValue(key, out var postings))
            {
                _postings[key] = postings = new PostingList();
            }
            postings.Add(slot, partner.PostingEntry(i));
        }
        Mark(_regions, partner.Regions, slot);
        Mark(_verticals, partner.Verticals, slot);
        Mark(_blueprints, partner.Blueprints, slot);
        return true;
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

    private static void Mark(Dictionary<string, SlotSet> sets, IReadOnlyList<string> values, int slot)
    {
        foreach (var value in values)
        {
            if (!sets.TryGetValue(value, out var set))
            {
                sets[value] = set = new SlotSet();
            }
            set.Add(slot);
        }
    }

    private static void Unmark(Dictionary<string, SlotSet> sets, IReadOnlyList<string> values, int slot)
    {
        foreach (var value in values)
        {
            sets[value].Remove(slot);
        }
    }

    public readonly struct View(PartnerIndex index)
    {
        public int SlotCount => index._partners.Count;

        public IndexedPartner this[int slot] => index._partners[slot];

        public IndexedPartner? Get(Guid id) => index._slotById.TryGetValue(id, out var slot) ? index._partners[slot] : null;

        /// <returns>The partner's slot, or -1 when the index does not hold it.</returns>
        public int SlotOf(Guid id) => index._slotById.TryGetValue(id, out var slot) ? slot : -1;

        /// <summary>The slots covering <paramref name="key"/>, in ascending order.</summary>
        public ReadOnlySpan<int> Postings(string key) => index._postings.TryGetValue(key, out var postings) ? postings.Slots : [];

        public IEnumerable<IndexedPartner> All => index._partners;

        internal PostingList? PostingsOf(string key) => index._postings.GetValueOrDefault(key);

        internal ReadOnlySpan<Guid> Ids => index._ids.AsSpan(0, index._partners.Count);

        internal ReadOnlySpan<byte> TierScores => index._tierScores.AsSpan(0, index._partners.Count);

        internal SlotSet Active => index._active;

        internal SlotSet? InRegion(string? region) => region is null ? null : index._regions.GetValueOrDefault(region);

        internal SlotSet? InVertical(string? vertical) => vertical is null ? null : index._verticals.GetValueOrDefault(vertical);

        internal SlotSet? Adopting(Guid? blueprint) => blueprint is { } id ? index._blueprints.GetValueOrDefault(IndexedPartner.BlueprintKey(id)) : null;
    }
}

/// <summary>The slots covering one capability key, ascending, each with its posting entry (see <see cref="IndexedPartner.PostingEntry"/>).</summary>
internal sealed class PostingList
{
    public static readonly IComparer<PostingList> ByLength = Comparer<PostingList>.Create(static (a, b) => a._count.CompareTo(b._count));

    private int[] _slots = new int[4];
    private byte[] _entries = new byte[4];
    private int _count;

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, _count);

    public ReadOnlySpan<byte> Entries => _entries.AsSpan(0, _count);

    public void Add(int slot, byte entry)
    {
        // New partners take the next slot, so the bootstrap only ever appends.
        var at = _count == 0 || _slots[_count - 1] < slot ? _count : ~Array.BinarySearch(_slots, 0, _count, slot);
        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _count * 2);
            Array.Resize(ref _entries, _count * 2);
        }
        Array.Copy(_slots, at, _slots, at + 1, _count - at);
        Array.Copy(_entries, at, _entries, at + 1, _count - at);
        _slots[at] = slot;
        _entries[at] = entry;
        _count++;
    }

    public void TrimExcess()
    {
        if (_count < _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(_count, 1));
            Array.Resize(ref _entries, Math.Max(_count, 1));
        }
    }

    public void Remove(int slot)
    {
        var at = Array.BinarySearch(_slots, 0, _count, slot);
        if (at < 0)
        {
            return;
        }
        _count--;
        Array.Copy(_slots, at + 1, _slots, at, _count - at);
        Array.Copy(_entries, at + 1, _entries, at, _count - at);
    }
}

/// <summary>A set of slots as a bit set: one bit per slot, so membership is a shift and a mask.</summary>
internal sealed class SlotSet
{
    private ulong[] _words = new ulong[4];

    public bool Contains(int slot)
    {
        var word = slot >> 6;
        return word < _words.Length && (_words[word] & (1UL << slot)) != 0;
    }

    public void Add(int slot)
    {
        var word = slot >> 6;
        if (word >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
        }
        _words[word] |= 1UL << slot;
    }

    public void Remove(int slot)
    {
        var word = slot >> 6;
        if (word < _words.Length)
        {
            _words[word] &= ~(1UL << slot);
        }
    }
}
