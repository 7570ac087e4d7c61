# Messages of site (see campaign.ftl for the conventions).
