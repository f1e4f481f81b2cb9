using System.Runtime.InteropServices;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// Streams studentVle (SOURCES.md §4.4): span-based parse, duplicates of (registration, site, day) summed in a dictionary of packed
/// keys. The file is grouped by module-presentation, so by default each presentation is aggregated alone and handed to the sink
/// when the next one starts (≈ 1 M keys at most). If a presentation shows up again after it was handed over, the file is not
/// grouped: <see cref="Read"/> stops and returns false, and the caller reads again with one global dictionary.
/// </summary>
public sealed class OuladClickReader
{
    private const int OffsetBias = 1 << 15;
    private readonly OuladDataSet _data;
    private readonly int _firstDayNumber;
    private readonly int _lastDayNumber;

    /// <param name="firstDay">The first day that has a partition to load into; clicks before it are rejected.</param>
    /// <param name="lastDay">The last such day.</param>
    public OuladClickReader(OuladDataSet data, DateOnly firstDay, DateOnly lastDay)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Registrations.Count >= 1 << 28 || data.Sites.Count >= 1 << 20)
        {
            throw new OuladInputException($"import oulad: at most {(1 << 28) - 1} registrations and {(1 << 20) - 1} sites can be imported at once.");
        }

        _data = data;
        _firstDayNumber = firstDay.DayNumber;
        _lastDayNumber = lastDay.DayNumber;
        Path = OuladFiles.StudentVlePath(data.Directory);
        Counter = new OuladFileCounter(System.IO.Path.GetFileName(Path));
    }

    public string Path { get; }

    public OuladFileCounter Counter { get; private set; }

    /// <summary>activity_days keys after summing duplicates.</summary>
    public long Keys { get; private set; }

    /// <summary>Σ raw_rows: the click rows kept.</summary>
    public long RawRows { get; private set; }

    /// <summary>Σ events: the clicks kept.</summary>
    public long Events { get; private set; }

    /// <summary>Registration (≤ 2^28), site (≤ 2^20) and day offset (±2^15) in one 64-bit key.</summary>
    public static ulong Key(int registration, int site, int offset) =>
        ((ulong)(uint)registration << 36) | ((ulong)(uint)site << 16) | (uint)(offset + OffsetBias);

    public static (int Registration, int Site, int Offset) Decode(ulong key) =>
        ((int)(key >> 36), (int)((key >> 16) & 0xF_FFFF), (int)(key & 0xFFFF) - OffsetBias);

    /// <summary>Reads the whole file into <paramref name="sink"/>; false when <paramref name="grouped"/> and the file is not grouped by presentation.</summary>
    /// <exception cref="OuladInputException">The file is missing or a row is malformed.</exception>
    public bool Read(IOuladActivitySink sink, bool grouped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Counter = new OuladFileCounter(Counter.File);
        Keys = RawRows = Events = 0;
        var keys = new Dictionary<ulong, ulong>(grouped ? 1 << 20 : 1 << 23);
        var handedOver = new bool[_data.Courses.Count];
        var current = -1;
        string module = "", presentation = "";
        var course = -2;
        var startDayNumber = 0;
        int lastStudent = -1, lastRegistration = -1;
        _data.ClearRejects(Counter.File);
        using var csv = OuladCsv.Open(Path, OuladFiles.StudentVleColumns);
        while (csv.Read())
        {
            var counter = Counter;
            counter.Read++;
            if ((counter.Read & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var moduleSpan = csv.Span(0);
            var presentationSpan = csv.Span(1);
            if (!moduleSpan.SequenceEqual(module) || !presentationSpan.SequenceEqual(presentation))
            {
                module = moduleSpan.ToString();
                presentation = presentationSpan.ToString();
                course = _data.CourseIndex(module, presentation);
                lastStudent = -1;
                if (course >= 0)
                {
                    startDayNumber = _data.Courses[course].StartsOn.DayNumber;
                    if (grouped && course != current)
                    {
                        if (handedOver[course])
                        {
                            return false;
                        }

                        if (current >= 0)
                        {
                            HandOver(sink, [current], keys);
                            handedOver[current] = true;
                        }

                        current = course;
                    }
                }
            }

            var idStudent = csv.WholeNumber(2, "id_student");
            var idSite = csv.WholeNumber(3, "id_site");
            var offset = csv.WholeNumber(4, "date");
            var clicks = csv.WholeNumber(5, "sum_click");
            if (clicks < 0)
            {
                throw csv.Error($"sum_click {clicks} must not be negative.");
            }

            if (course < 0)
            {
                if (course == -1)
                {
                    counter.Skipped++;
                }
                else
                {
                    Reject(csv, $"{module}-{presentation} is not in courses.csv", idStudent, idSite, offset);
                }

                continue;
            }

            if (_data.Options.ErasedStudents.Count > 0 && _data.Options.ErasedStudents.Contains(idStudent))
            {
                counter.Skipped++;
                continue;
            }

            if (idStudent != lastStudent)
            {
                lastStudent = idStudent;
                lastRegistration = _data.RegistrationIndex(course, idStudent);
            }

            if (lastRegistration < 0)
            {
                Reject(csv, $"student {idStudent} is not registered in {module}-{presentation}", idStudent, idSite, offset);
                continue;
            }

            var site = _data.SiteIndex(idSite);
            if (site < 0 || _data.Sites[site].Course != course)
            {
                Reject(csv, $"site {idSite} is not a vle.csv site of {module}-{presentation}", idStudent, idSite, offset);
                continue;
            }

            var dayNumber = startDayNumber + offset;
            if (offset is <= -OffsetBias or >= OffsetBias || dayNumber < _firstDayNumber || dayNumber > _lastDayNumber)
            {
                Reject(csv, $"day {offset} is outside the months loaded for the import", idStudent, idSite, offset);
                continue;
            }

            ref var value = ref CollectionsMarshal.GetValueRefOrAddDefault(keys, Key(lastRegistration, site, offset), out _);
            value += ((ulong)(uint)clicks << 32) | 1;
            RawRows++;
            Events += clicks;
        }

        if (grouped)
        {
            if (current >= 0)
            {
                HandOver(sink, [current], keys);
                handedOver[current] = true;
            }

            // Presentations without a click row still get their (empty) complete set, so a re-import clears stale rows.
            var silent = Enumerable.Range(0, handedOver.Length).Where(c => !handedOver[c]).ToList();
            if (silent.Count > 0)
            {
                HandOver(sink, silent, keys);
            }
        }
        else
        {
            HandOver(sink, Enumerable.Range(0, _data.Courses.Count).ToList(), keys);
        }

        return true;
    }

    private void HandOver(IOuladActivitySink sink, IReadOnlyList<int> courses, Dictionary<ulong, ulong> keys)
    {
        foreach (var value in keys.Values)
        {
            if ((value >> 32) > int.MaxValue)
            {
                throw new OuladInputException(Counter.File, 0, "the clicks of one learner, site and day add up to more than 2,147,483,647.");
            }
        }

        Keys += keys.Count;
        Counter.Written += keys.Count;
        sink.Write(courses, keys);
        keys.Clear();
    }

    private void Reject(OuladCsv csv, string reason, int idStudent, int idSite, int offset) =>
        _data.Reject(Counter, new OuladReject("activity_days", $"{idStudent}-{idSite}-{offset}-{csv.Span(0)}-{csv.Span(1)}", reason, Counter.File, csv.Line));
}
