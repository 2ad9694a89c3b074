-- Records that an official was shown a citizen's contact on a case, from inside the case
-- page's one select (a select can only write through a function). Nothing when no field
-- was shown. Returns whether a row was written.
CREATE FUNCTION hotline_record_view(viewer uuid, viewed_case uuid, shown text[], seen_in text)
RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(shown) = 0 THEN
    RETURN false;
  END IF;
  INSERT INTO personal_data_views (official_id, case_id, fields, context)
    VALUES (viewer, viewed_case, shown, seen_in);
  RETURN true;
END $$;
