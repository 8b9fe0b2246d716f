-- Renders the Chinook database as facts for ClimbingTheLadder's RAG rung: one row (id, sentence) per
-- genre, media type, customer country, artist and employee. Lookups ("how many albums does AC/DC
-- have?") are one fact away; totals and rankings over all rows are not, which is what SQL is for.
SELECT 'genre ' || g.Name, 'The genre ' || g.Name || ' has ' || COUNT(*) || ' tracks.'
  FROM Genre g JOIN Track USING (GenreId) GROUP BY g.GenreId
UNION ALL
SELECT 'media type ' || m.Name, COUNT(*) || ' tracks are sold as ' || m.Name || '.'
  FROM MediaType m JOIN Track USING (MediaTypeId) GROUP BY m.MediaTypeId
UNION ALL
SELECT 'customers in ' || Country, 'The store has ' || COUNT(*) || ' customers in ' || Country || ': '
    || GROUP_CONCAT(FirstName || ' ' || LastName || ' of ' || City, ', ') || '.'
  FROM Customer GROUP BY Country
UNION ALL
SELECT 'artist ' || a.Name, 'The artist ' || a.Name || ' has ' || COUNT(*) || ' albums: '
    || GROUP_CONCAT(Title, '; ') || '.'
  FROM Artist a JOIN Album USING (ArtistId) GROUP BY a.ArtistId
UNION ALL
SELECT 'employee ' || e.EmployeeId, FirstName || ' ' || LastName || ' works as ' || e.Title || ' and supports '
    || (SELECT COUNT(*) FROM Customer WHERE SupportRepId = e.EmployeeId) || ' customers.'
  FROM Employee e
